package org.congressflow.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How far a campaign's launch has come: the instances it starts (every congress, every organisation's welcoming
 * works and quality review) against those started so far, counted in the engine's history under the campaign's
 * root instance. Every node logs it while a launch is under way; the first log round to see it finished records
 * when ({@code cf_campaign.launched_at}), after which asking costs no count.
 */
@Component
@EnableScheduling
public class CampaignLaunchProgress {

  /** The processes a launch starts under the campaign's instance, one per organisation (or cell) each. */
  static final String[] LAUNCHED = {"base-congress", "cell-congress", "district-congress", "welcoming-works",
      "quality-review"};
  private static final Logger log = LoggerFactory.getLogger(CampaignLaunchProgress.class);

  /**
   * {@code started} of {@code expected} instances; {@code startedAt} is when the campaign's process started,
   * {@code finishedAt} when the last of them did (engine time), null until then.
   */
  public record Progress(long expected, long started, boolean finished, Instant startedAt, Instant finishedAt) {

    public int percent() {
      return expected == 0 ? 100 : (int) Math.min(100, started * 100 / expected);
    }

    /** Seconds from the campaign's process start to the last instance's, or so far. */
    public double seconds(Instant now) {
      if (startedAt == null) {
        return 0;
      }
      return Duration.between(startedAt, finished ? finishedAt : now).toMillis() / 1000.0;
    }
  }

  private final CampaignRegistry registry;
  private final HistoryService historyService;
  private final Map<String, Long> lastReported = new ConcurrentHashMap<>();

  CampaignLaunchProgress(CampaignRegistry registry, HistoryService historyService) {
    this.registry = registry;
    this.historyService = historyService;
  }

  /** The instances a launch of this campaign starts: 3 per base organisation, 1 per cell, 3 for the district. */
  public static long expected(CampaignDefinition campaign) {
    return 3L * campaign.organisationList().size() + campaign.cells().count() + 3;
  }

  /** The launch of a stored campaign (reads only); throws for a campaign never stored. */
  public Progress of(String campaignId) {
    long expected = expected(registry.definition(campaignId));
    var processInstance = registry.launchedProcess(campaignId);
    if (processInstance.isEmpty()) {
      return new Progress(expected, 0, false, null, null);
    }
    var root = historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstance.get())
        .singleResult();
    Instant startedAt = root == null ? null : root.getStartTime().toInstant();
    var launchedAt = registry.launchedAt(campaignId);
    if (launchedAt.isPresent()) {
      return new Progress(expected, expected, true, startedAt, launchedAt.get());
    }
    long started = launched(processInstance.get()).count();
    if (started < expected) {
      return new Progress(expected, started, false, startedAt, null);
    }
    HistoricProcessInstance last = launched(processInstance.get()).orderByProcessInstanceStartTime().desc()
        .listPage(0, 1).get(0);
    return new Progress(expected, started, true, startedAt, last.getStartTime().toInstant());
  }

  private org.camunda.bpm.engine.history.HistoricProcessInstanceQuery launched(String rootProcessInstanceId) {
    return historyService.createHistoricProcessInstanceQuery().rootProcessInstanceId(rootProcessInstanceId)
        .processDefinitionKeyIn(LAUNCHED);
  }

  /** A log line per launch under way: counts, share, rate since the last line; the last one when it is done. */
  @Scheduled(initialDelayString = "${congressflow.campaigns.launch-log-interval:10s}",
      fixedDelayString = "${congressflow.campaigns.launch-log-interval:10s}")
  void logLaunches() {
    try {
      for (var launching : registry.launching()) {
        if (launching.processInstanceId() != null) {
          logLaunch(launching.campaignId());
        }
      }
    } catch (RuntimeException e) {
      log.warn("Launch progress not counted now; the next round tries again", e);
    }
  }

  private void logLaunch(String campaignId) {
    var progress = of(campaignId);
    long before = lastReported.getOrDefault(campaignId, 0L);
    lastReported.put(campaignId, progress.started());
    if (progress.finished()) {
      registry.setLaunched(campaignId, progress.finishedAt());
      double seconds = progress.seconds(null);
      log.info("Campaign {} launched: {} instances started in {} s ({} instances/s)", campaignId, progress.expected(),
          String.format("%.1f", seconds), seconds > 0 ? Math.round(progress.expected() / seconds) : progress.expected());
      lastReported.remove(campaignId);
    } else {
      log.info("Campaign {} launching: {}/{} instances started ({}%), {} since the last count", campaignId,
          progress.started(), progress.expected(), progress.percent(), progress.started() - before);
    }
  }
}
