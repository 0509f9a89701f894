-- The dashboard's counts per level (done, due soon, overdue) read from the index alone, without visiting the
-- table's rows: at a province's or the country's size that is the difference between a few and tens of milliseconds.
create index cf_progress_counts on cf_progress (campaign_id, level) include (ended_at, due_date, parent_id);
