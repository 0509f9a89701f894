-- The dashboard pages through organisations in the order of the campaign file (district first, then each base
-- organisation followed by its cells): the position is written with the row (ProgressProjection), and the page is
-- read from this index, whatever the size of the campaign. Rows written before this column have none and come
-- last, by id, until the read model is rebuilt (--congressflow.progress.rebuild=true).
alter table cf_progress add column file_position integer;
create index cf_progress_campaign_position on cf_progress (campaign_id, level, file_position, organisation_id);
