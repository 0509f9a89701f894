-- The decision record refuses updates and deletes, whoever connects with the application's account.
create function cf_decision_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'cf_decision is append-only: % refused', tg_op;
end;
$$;
create trigger cf_decision_append_only before update or delete on cf_decision
  for each row execute function cf_decision_append_only();
create trigger cf_decision_no_truncate before truncate on cf_decision
  for each statement execute function cf_decision_append_only();
