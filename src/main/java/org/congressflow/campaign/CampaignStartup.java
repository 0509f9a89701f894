package org.congressflow.campaign;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Starts the campaigns of the configured folder once the application is up. Their files were checked before
 * anything else started ({@link CampaignFilesCheck}), and compared with their running campaigns before the engine
 * was built ({@link RunningCampaignsCheck}); that comparison is made once more here, just before the launch, for a
 * campaign that another node started meanwhile. Until it has gone through every file the node is not ready
 * ({@link CampaignLaunchHealth}).
 */
@Component
@Order(10)
class CampaignStartup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(CampaignStartup.class);

  private final CampaignProperties properties;
  private final CampaignLauncher launcher;
  private final ObjectProvider<CampaignFolder> checkedFolder;
  private final CampaignLaunchHealth health;
  private final RunningCampaignsCheck changedFiles;

  CampaignStartup(CampaignProperties properties, CampaignLauncher launcher, RunningCampaignsCheck changedFiles,
      ObjectProvider<CampaignFolder> checkedFolder, CampaignLaunchHealth health) {
    this.properties = properties;
    this.launcher = launcher;
    this.changedFiles = changedFiles;
    this.checkedFolder = checkedFolder;
    this.health = health;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.launchOnStartup()) {
      return;
    }
    var campaigns = checkedFolder.getIfAvailable(() -> CampaignFolder.read(properties.location()));
    health.begin(campaigns.path().toString(), campaigns.files().stream().map(CampaignStartup::name).toList());
    try {
      launch(campaigns, health);
    } catch (RuntimeException e) {
      health.failed(e);
      throw e;
    }
    health.finished();
  }

  /** Reads, checks and launches the campaigns of a folder, as start-up does (its health left as it is). */
  void loadAll(Path folder) {
    launch(CampaignFolder.read(folder), null);
  }

  private void launch(CampaignFolder campaigns, CampaignLaunchHealth progress) {
    changedFiles.refuseChangedFiles(campaigns);
    launchAll(campaigns, progress);
  }

  private void launchAll(CampaignFolder folder, CampaignLaunchHealth progress) {
    for (var file : folder.files()) {
      CampaignDefinition campaign = file.campaign();
      long shift = properties.anchorToToday() ? CampaignLauncher.shiftToToday(campaign) : 0;
      String outcome;
      try {
        outcome = launcher.launch(campaign, file.path().toString(), shift)
            ? CampaignLaunchHealth.STARTED : CampaignLaunchHealth.RUNNING;
      } catch (DuplicateKeyException e) {
        log.info("Campaign {} was started by another node at the same time", campaign.id());
        outcome = CampaignLaunchHealth.STARTED_BY_ANOTHER_NODE;
      }
      if (progress != null) {
        progress.launched(name(file), campaign.id(), outcome);
      }
    }
  }

  private static String name(CampaignFolder.CampaignFile file) {
    return file.path().getFileName().toString();
  }
}
