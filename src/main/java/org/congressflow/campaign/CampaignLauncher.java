package org.congressflow.campaign;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a validated campaign in one transaction: the stored definition, its {@link CampaignSetup}s (groups and
 * grants, demo users), and the {@code congress-campaign} process. A campaign already stored is not started again
 * (start-up has made sure that its file has not changed since).
 */
@Service
public class CampaignLauncher {

  public static final String PROCESS = "congress-campaign";
  private static final Logger log = LoggerFactory.getLogger(CampaignLauncher.class);

  private final CampaignRegistry registry;
  private final List<CampaignSetup> setups;
  private final RuntimeService runtimeService;

  CampaignLauncher(CampaignRegistry registry, List<CampaignSetup> setups, RuntimeService runtimeService) {
    this.registry = registry;
    this.setups = setups;
    this.runtimeService = runtimeService;
  }

  /** Days to add to the file's dates so that the plan is issued today (for a live demo). */
  public static long shiftToToday(CampaignDefinition campaign) {
    return ChronoUnit.DAYS.between(campaign.deadlines().planIssued(), DueDates.today(ClockUtil.getCurrentTime()));
  }

  /** Returns true when it started the campaign, false when the campaign was already started. */
  @Transactional
  public boolean launch(CampaignDefinition file, String source, long shiftDays) {
    if (registry.exists(file.id())) {
      log.info("Campaign {} is running; {} is as it was started", file.id(), source);
      return false;
    }
    CampaignDefinition campaign = shiftDays == 0 ? file : file.shiftedBy(shiftDays);
    registry.insert(campaign, source, shiftDays);
    setups.forEach(setup -> setup.setUp(campaign));
    var instance = runtimeService.createProcessInstanceByKey(PROCESS)
        .businessKey(campaign.id())
        .setVariables(Map.of(
            "campaignId", campaign.id(),
            "campaignName", campaign.name(),
            "lessonsDue", DueDates.endOf(campaign.deadlines().pilotLessons())))
        .execute();
    registry.setProcessInstance(campaign.id(), instance.getId());
    log.info("Campaign {} started from {} (dates shifted by {} days): process instance {}",
        campaign.id(), source, shiftDays, instance.getId());
    return true;
  }
}
