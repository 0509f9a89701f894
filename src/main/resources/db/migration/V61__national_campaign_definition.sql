-- A national campaign (52,000 base organisations with their cells) is tens of MB as JSON, more than the
-- 1,000,000 characters of cf_campaign.definition: a varchar without a length holds it (PostgreSQL: any length;
-- H2: up to 1,000,000,000 characters). The campaign file itself may have at most 100 MB (CampaignText).
alter table cf_campaign alter column definition set data type varchar;
