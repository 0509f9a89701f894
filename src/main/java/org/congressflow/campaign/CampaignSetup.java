package org.congressflow.campaign;

/**
 * What a campaign needs before its process starts, set up by the feature that owns it (groups and grants, demo
 * users) in the launch's transaction. The launcher calls every one in its {@code @Order}, so this package knows
 * none of them.
 */
public interface CampaignSetup {

  /** Idempotent: what already exists is left as it is. */
  void setUp(CampaignDefinition campaign);
}
