-- The progress read model of the dashboard: one row per congress process instance and one per open step,
-- written by ProgressHistoryHandler in the engine's own transaction and rebuildable from the engine's
-- history (--congressflow.progress.rebuild=true). Nothing here is the source of truth.

-- One row per congress (cell, base, district) and per campaign process instance.
create table cf_progress (
  process_instance_id       varchar(64)  not null primary key,
  campaign_id               varchar(100),
  organisation_id           varchar(100) not null,
  -- the base organisation of a cell; null for other levels
  parent_id                 varchar(100),
  level                     varchar(20)  not null,
  name                      varchar(500),
  super_process_instance_id varchar(64),
  due_date                  date,
  started_at                timestamp    not null,
  ended_at                  timestamp,
  end_state                 varchar(40)
);
create index cf_progress_campaign_level on cf_progress (campaign_id, level, organisation_id);
create index cf_progress_campaign_parent on cf_progress (campaign_id, parent_id);

-- The steps a congress is at now: open user tasks, and the waits without a task (for the cells' congresses,
-- for the pilot's lessons). Removed when the step ends.
create table cf_progress_step (
  id                  varchar(64)  not null primary key,
  process_instance_id varchar(64)  not null,
  kind                varchar(10)  not null,
  step_key            varchar(255) not null,
  step_name           varchar(500),
  due_at              timestamp,
  started_at          timestamp    not null
);
create index cf_progress_step_instance on cf_progress_step (process_instance_id);
