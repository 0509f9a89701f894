-- Outbox of e-mails: one row per notification, keyed so that a retried or repeated job sends it once.
create table cf_notification (
  notification_key varchar(200)  not null primary key,
  campaign_id      varchar(100)  not null,
  organisation_id  varchar(100)  not null,
  kind             varchar(30)   not null,
  recipients       varchar(4000) not null,
  subject          varchar(500)  not null,
  body             varchar(10000) not null,
  created_at       timestamp     not null,
  sent_at          timestamp
);
create index cf_notification_org on cf_notification (campaign_id, organisation_id);
