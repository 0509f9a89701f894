package org.congressflow.campaign;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
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
 * anything else started ({@link CampaignFilesCheck}); here a file that differs from its running campaign stops
 * start-up with what would change, before any campaign is launched. (Not earlier: a refresh that fails after
 * Camunda's webapp has registered the context leaves that context in its static registry.) Until it has gone
 * through every file the node is not ready ({@link CampaignLaunchHealth}).
 */
@Component
@Order(10)
class CampaignStartup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(CampaignStartup.class);

  private final CampaignProperties properties;
  private final CampaignLauncher launcher;
  private final CampaignRegistry registry;
  private final ObjectProvider<CampaignFolder> checkedFolder;
  private final CampaignLaunchHealth health;

  CampaignStartup(CampaignProperties properties, CampaignLauncher launcher, CampaignRegistry registry,
      ObjectProvider<CampaignFolder> checkedFolder, CampaignLaunchHealth health) {
    this.properties = properties;
    this.launcher = launcher;
    this.registry = registry;
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
    refuseChangedFiles(campaigns);
    launchAll(campaigns, progress);
  }

  /**
   * A running campaign keeps what it was started with, so a changed file is refused rather than passed over: the
   * operator sees what would change and how to apply it.
   */
  private void refuseChangedFiles(CampaignFolder folder) {
    var problems = new ArrayList<String>();
    for (var file : folder.files()) {
      String name = file.path().getFileName().toString();
      registry.started(file.campaign().id()).ifPresent(started -> {
        var changes = CampaignChanges.sinceStarted(started.campaign(), started.shiftDays(), file.campaign());
        if (!changes.isEmpty()) {
          problems.add(name + ": campaign '" + file.campaign().id() + "' is running (started "
              + started.startedAt().atZone(ZoneId.systemDefault()).toLocalDate() + " from " + started.source()
              + ") and this file differs from it (as started → in the file); a running campaign keeps what it"
              + " started with. To apply a change: move a level's deadline with the deadline-change API (POST /api/"
              + "campaigns/" + file.campaign().id() + "/deadlines); start anything else as a new campaign, in a"
              + " file with a new id; or put this file back as it was");
          changes.forEach(change -> problems.add(name + ": " + change));
        }
      });
    }
    if (!problems.isEmpty()) {
      throw new InvalidCampaignException(folder.path().toString(), problems);
    }
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
