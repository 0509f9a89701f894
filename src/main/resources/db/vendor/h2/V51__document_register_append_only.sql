-- H2 has no SQL-only trigger that refuses a change (see V41); the application never updates or deletes rows.
select 1;
