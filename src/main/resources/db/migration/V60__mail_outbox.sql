-- cf_notification becomes an outbox: the e-mail step only writes a pending row in the engine's transaction, and
-- MailOutbox delivers it after the commit (pending -> sending -> sent, or failed after the last attempt).
-- The rows from before were written together with their send: they are sent, or skipped when nobody had an address.
alter table cf_notification add column status varchar(10) default 'sent' not null;
alter table cf_notification alter column status drop default;
alter table cf_notification add column attempts integer default 0 not null;
alter table cf_notification add column next_attempt_at timestamp;
alter table cf_notification add column claimed_by varchar(100);
alter table cf_notification add column claimed_at timestamp;
alter table cf_notification add column last_error varchar(1000);
-- the same Message-ID on every attempt: a duplicate after a crash is recognisable as one (README)
alter table cf_notification add column message_id varchar(200);
-- the process that wrote the row: an undeliverable e-mail becomes an incident there
alter table cf_notification add column process_instance_id varchar(64);

update cf_notification set attempts = 1 where recipients <> '';
update cf_notification set status = 'skipped', sent_at = null where recipients = '';

create index cf_notification_due on cf_notification (status, next_attempt_at);
