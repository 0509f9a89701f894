package org.congressflow.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health {@code campaigns}, part of readiness: DOWN from the start of a node that launches the campaign files at
 * start-up until {@link CampaignStartup} has gone through all of them, so that a load balancer sends users only to
 * a node whose campaigns are running; the details say what became of each file and how many of each campaign's
 * instances have started (they start in jobs, after start-up).
 */
@Component("campaignsHealthIndicator")
class CampaignLaunchHealth implements HealthIndicator {

  static final String STARTED = "started";
  static final String RUNNING = "running already";
  static final String STARTED_BY_ANOTHER_NODE = "started by another node";

  /** A file start-up went through: the campaign it holds and what start-up did with it. */
  record Launched(String file, String campaign, String outcome) {}

  private enum Stage { NOT_BEGUN, LAUNCHING, FINISHED, FAILED }

  private final boolean launchOnStartup;
  private Stage stage = Stage.NOT_BEGUN;
  private String folder;
  private final List<String> waiting = new ArrayList<>();
  private final List<Launched> launched = new ArrayList<>();
  private String failure;

  private final CampaignLaunchProgress progress;

  @Autowired
  CampaignLaunchHealth(CampaignProperties properties, CampaignLaunchProgress progress) {
    this.launchOnStartup = properties.launchOnStartup();
    this.progress = progress;
  }

  CampaignLaunchHealth(boolean launchOnStartup) {
    this.launchOnStartup = launchOnStartup;
    this.progress = null;
  }

  synchronized void begin(String folder, List<String> files) {
    stage = Stage.LAUNCHING;
    this.folder = folder;
    waiting.clear();
    waiting.addAll(files);
    launched.clear();
    failure = null;
  }

  synchronized void launched(String file, String campaignId, String outcome) {
    waiting.remove(file);
    launched.add(new Launched(file, campaignId, outcome));
  }

  synchronized void finished() {
    stage = Stage.FINISHED;
  }

  /** Start-up stops: the node will not become ready. The first line of why (the log has it all). */
  synchronized void failed(RuntimeException e) {
    stage = Stage.FAILED;
    String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    message = message.length() > 300 ? message.substring(0, 300) + "…" : message;
    failure = e.getClass().getSimpleName() + ": " + message;
  }

  @Override
  public synchronized Health health() {
    var details = new LinkedHashMap<String, Object>();
    details.put("launchOnStartup", launchOnStartup);
    if (!launchOnStartup) {
      return Health.up().withDetails(details).build();
    }
    details.put("finished", stage == Stage.FINISHED);
    if (folder != null) {
      details.put("folder", folder);
    }
    details.put("launched", List.copyOf(launched));
    if (progress != null && !launched.isEmpty()) {
      // the congresses start in jobs after start-up: how far each campaign's launch is (not part of the status)
      var starts = new LinkedHashMap<String, String>();
      launched.forEach(file -> starts.put(file.campaign(), startsOf(file.campaign())));
      details.put("congressesStarted", starts);
    }
    details.put("waiting", List.copyOf(waiting));
    if (failure != null) {
      details.put("failure", failure);
    }
    return (stage == Stage.FINISHED ? Health.up() : Health.down()).withDetails(details).build();
  }

  private String startsOf(String campaignId) {
    try {
      var launch = progress.of(campaignId);
      return launch.started() + "/" + launch.expected() + (launch.finished() ? " (finished)" : "");
    } catch (RuntimeException e) {
      return "unknown: " + e.getClass().getSimpleName();
    }
  }
}
