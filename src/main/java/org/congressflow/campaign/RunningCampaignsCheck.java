package org.congressflow.campaign;

import java.time.ZoneId;
import java.util.ArrayList;
import org.camunda.bpm.engine.spring.SpringProcessEnginePlugin;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Refuses a campaign file that differs from its running campaign once the database is migrated (the registry reads
 * {@code cf_campaign} through the JdbcTemplate, which Spring Boot makes wait for Flyway) and before the engine exists:
 * as an engine plugin this bean is created, and checks, before the engine's configuration that takes it, so nothing
 * is deployed and no job runs, and the web server's connector, started only once the context is refreshed, never
 * accepts a connection. A running campaign keeps what it was started with, so the operator is told what would change
 * and how to apply it. {@link CampaignStartup} asks again just before it launches, for a campaign that another node
 * started meanwhile.
 */
@Component
class RunningCampaignsCheck extends SpringProcessEnginePlugin implements InitializingBean {

  private final CampaignProperties properties;
  private final ObjectProvider<CampaignFolder> checkedFolder;
  private final CampaignRegistry registry;

  RunningCampaignsCheck(CampaignProperties properties, ObjectProvider<CampaignFolder> checkedFolder,
      CampaignRegistry registry) {
    this.properties = properties;
    this.checkedFolder = checkedFolder;
    this.registry = registry;
  }

  @Override
  public void afterPropertiesSet() {
    refuseCampaignsWithoutTenant();
    if (properties.launchOnStartup()) {
      refuseChangedFiles(checkedFolder.getIfAvailable(() -> CampaignFolder.read(properties.location())));
    }
  }

  /**
   * A campaign started by a version before tenants has group ids without its tenant and processes without a
   * tenant: this version would give its new tasks (a gate, a congress not yet started) to groups nobody is in.
   * Rather than route a running campaign's work wrongly, start-up stops and says so.
   */
  void refuseCampaignsWithoutTenant() {
    var campaigns = registry.startedWithoutTenant();
    if (!campaigns.isEmpty()) {
      throw new IllegalStateException("Campaign(s) " + String.join(", ", campaigns) + " in cf_campaign were started by"
          + " a CongressFlow version without tenants: their groups and processes have no tenant, and this version"
          + " would give their new tasks to groups nobody is in. This version does not continue such a campaign:"
          + " keep the earlier version for it until it ends, or start it anew in an empty database");
    }
  }

  /** Throws with every change of every file whose campaign is running and differs from it. */
  void refuseChangedFiles(CampaignFolder folder) {
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
}
