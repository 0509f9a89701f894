-- CongressFlow's own tables, beside the engine's ACT_* tables. Portable SQL: H2 and PostgreSQL.

-- One row per started campaign: the validated campaign file (as JSON, dates already shifted)
-- and the shift applied for a live demo. Its presence makes loading idempotent.
create table cf_campaign (
  id                  varchar(100)    not null primary key,
  definition          varchar(1000000) not null,
  source              varchar(500)    not null,
  shift_days          integer         not null,
  process_instance_id varchar(64),
  started_at          timestamp       not null
);

-- Campaign milestones that release waiting congresses (pilot lessons published, base level done).
-- Congresses lock the campaign row while they check a milestone, so none misses the release.
create table cf_milestone (
  campaign_id varchar(100) not null references cf_campaign (id),
  name        varchar(100) not null,
  reached_at  timestamp    not null,
  primary key (campaign_id, name)
);

-- Results of each organisation's congress as recorded at the congress (latest round wins).
create table cf_congress_result (
  campaign_id             varchar(100) not null references cf_campaign (id),
  organisation_id         varchar(100) not null,
  level                   varchar(20)  not null,
  congress_date           date         not null,
  committee_size          integer      not null,
  secretary               varchar(200) not null,
  deputy_secretaries      varchar(500),
  secretary_elected_directly boolean   not null,
  delegates_elected       integer      not null,
  process_instance_id     varchar(64)  not null,
  recorded_at             timestamp    not null,
  primary key (campaign_id, organisation_id)
);
