-- The document register keeps every version: updates and deletes are refused like on cf_decision.
create function cf_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % refused', tg_table_name, tg_op;
end;
$$;
create trigger cf_document_append_only before update or delete on cf_document
  for each row execute function cf_append_only();
create trigger cf_document_no_truncate before truncate on cf_document
  for each statement execute function cf_append_only();
