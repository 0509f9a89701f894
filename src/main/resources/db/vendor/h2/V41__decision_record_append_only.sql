-- H2 (the zero-set-up database) has no SQL-only trigger that refuses a change; the application never updates or
-- deletes cf_decision rows, and PostgreSQL, the production database, refuses it with a trigger.
select 1;
