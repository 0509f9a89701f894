-- When every congress of a campaign's launch had started (CampaignLaunchProgress): until then the launch is under
-- way, its congresses started by the job executors of every node in jobs of their own.
alter table cf_campaign add column launched_at timestamp;
