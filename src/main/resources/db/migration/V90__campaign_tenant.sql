-- Each campaign is one Camunda tenant (its groups, users, process instances, tasks and history), so several
-- districts run on one engine without seeing each other. The tenant is unique: two campaigns never share one.
-- A campaign started before tenants existed has groups without its tenant in front and processes without a
-- tenant; this version would give its new tasks to groups nobody is in, so such a row is marked and start-up
-- refuses the database (RunningCampaignsCheck). Its tenant_id is the id the campaign would get now (its first 32
-- characters), so no later campaign takes it.
alter table cf_campaign add column tenant_id varchar(64);
alter table cf_campaign add column started_without_tenant boolean default false not null;
update cf_campaign set tenant_id = left(id, 32), started_without_tenant = true;
create unique index cf_campaign_tenant on cf_campaign (tenant_id);
