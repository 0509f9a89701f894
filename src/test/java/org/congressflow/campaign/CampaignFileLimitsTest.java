package org.congressflow.campaign;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ids and names no longer than the tables they reach hold, so that a valid file always launches. */
class CampaignFileLimitsTest {

  @TempDir Path folder;

  @Test
  void anOrganisationIdTooLongForTheEnginesGroupAndUserIdsIsRefused() {
    BrokenCampaignFiles.idTooLong().isRefusedIn(folder);
  }

  @Test
  void aCampaignIdTooLongForTheCampaignTableIsRefused() {
    BrokenCampaignFiles.campaignIdTooLong().isRefusedIn(folder);
  }

  @Test
  void anOrganisationNameTooLongForTheEnginesGroupNamesIsRefused() {
    BrokenCampaignFiles.nameTooLong().isRefusedIn(folder);
  }

  @Test
  void aCellNameTooLongForTheEnginesGroupNamesIsRefused() {
    BrokenCampaignFiles.cellNameTooLong().isRefusedIn(folder);
  }

  @Test
  void aCampaignNameTooLongForTheDashboardIsRefused() {
    BrokenCampaignFiles.campaignNameTooLong().isRefusedIn(folder);
  }
}
