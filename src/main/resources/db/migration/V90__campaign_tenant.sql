-- Each campaign is one Camunda tenant (its groups, users, process instances, tasks and history), so several
-- districts run on one engine without seeing each other. The tenant is unique: two campaigns never share one.
-- Campaigns started before tenants existed keep their processes without a tenant; their row gets the id the
-- campaign would get now (its first 32 characters), so no later campaign takes it.
alter table cf_campaign add column tenant_id varchar(64);
update cf_campaign set tenant_id = left(id, 32);
create unique index cf_campaign_tenant on cf_campaign (tenant_id);
