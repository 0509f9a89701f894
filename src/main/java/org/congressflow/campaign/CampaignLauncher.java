package org.congressflow.campaign;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Launches a validated campaign in bounded transactions: the stored definition first (which makes it started, on
 * every node), then its {@link CampaignSetup}s (groups and grants, demo users) in batches, then the
 * {@code congress-campaign} process, whose congresses start in jobs of their own (async continuations in the
 * models). A launch that stopped half-way (a crash, a killed node) is resumed by the next call: the set-ups are
 * idempotent and the process is started only while the campaign's row, locked, names none.
 * {@link CampaignLaunchProgress} tells how far the congresses have started.
 */
@Service
public class CampaignLauncher {

  public static final String PROCESS = "congress-campaign";
  private static final Logger log = LoggerFactory.getLogger(CampaignLauncher.class);

  private final CampaignRegistry registry;
  private final List<CampaignSetup> setups;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transaction;

  CampaignLauncher(CampaignRegistry registry, List<CampaignSetup> setups, RuntimeService runtimeService,
      PlatformTransactionManager transactionManager) {
    this.registry = registry;
    this.setups = setups;
    this.runtimeService = runtimeService;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /** Days to add to the file's dates so that the plan is issued today (for a live demo). */
  public static long shiftToToday(CampaignDefinition campaign) {
    return ChronoUnit.DAYS.between(campaign.deadlines().planIssued(), DueDates.today(ClockUtil.getCurrentTime()));
  }

  /**
   * Returns true when this call started the campaign's process (a new launch or a resumed one), false when it was
   * started already. A node that stores the campaign at the same moment as another gets the database's
   * duplicate-key error, as before.
   */
  public boolean launch(CampaignDefinition file, String source, long shiftDays) {
    var stored = registry.started(file.id());
    CampaignDefinition campaign;
    if (stored.isEmpty()) {
      campaign = shiftDays == 0 ? file : file.shiftedBy(shiftDays);
      transaction.executeWithoutResult(status -> registry.insert(campaign, source, shiftDays));
    } else if (registry.launchedProcess(file.id()).isPresent()) {
      log.info("Campaign {} is running; {} is as it was started", file.id(), source);
      return false;
    } else {
      // stored with the dates it was started with: a resumed demo keeps its first day
      campaign = stored.get().campaign();
      log.info("Campaign {}: resuming its launch, stopped before its process had started", campaign.id());
    }
    long cells = campaign.cells().count();
    log.info("Campaign {}: launching {} base organisations and {} cells ({} instances to start)", campaign.id(),
        campaign.organisationList().size(), cells, CampaignLaunchProgress.expected(campaign));
    setups.forEach(setup -> setup.setUp(campaign));
    return Boolean.TRUE.equals(transaction.execute(status -> startProcess(campaign, source, shiftDays)));
  }

  private boolean startProcess(CampaignDefinition campaign, String source, long shiftDays) {
    if (registry.lockForLaunch(campaign.id()).isPresent()) {
      log.info("Campaign {}: its process was started by another node", campaign.id());
      return false;
    }
    var instance = runtimeService.createProcessInstanceByKey(PROCESS)
        .businessKey(campaign.id())
        .setVariables(Map.of(
            "campaignId", campaign.id(),
            "campaignName", campaign.name(),
            "lessonsDue", DueDates.endOf(campaign.deadlines().pilotLessons())))
        .execute();
    registry.setProcessInstance(campaign.id(), instance.getId());
    log.info("Campaign {} started from {} (dates shifted by {} days): process instance {}; its congresses start in"
        + " jobs", campaign.id(), source, shiftDays, instance.getId());
    return true;
  }
}
