package org.congressflow.campaign;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.congressflow.organisation.DemoUsers;
import org.congressflow.organisation.IdentitySetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a validated campaign in one transaction: the stored definition, its groups (and demo users), and
 * the {@code congress-campaign} process. A campaign already stored is not started again.
 */
@Service
public class CampaignLauncher {

  public static final String PROCESS = "congress-campaign";
  private static final Logger log = LoggerFactory.getLogger(CampaignLauncher.class);

  private final CampaignRegistry registry;
  private final IdentitySetup identitySetup;
  private final ObjectProvider<DemoUsers> demoUsers;
  private final RuntimeService runtimeService;

  CampaignLauncher(CampaignRegistry registry, IdentitySetup identitySetup, ObjectProvider<DemoUsers> demoUsers,
      RuntimeService runtimeService) {
    this.registry = registry;
    this.identitySetup = identitySetup;
    this.demoUsers = demoUsers;
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
      log.info("Campaign {} is already started; {} not loaded again", file.id(), source);
      return false;
    }
    CampaignDefinition campaign = shiftDays == 0 ? file : file.shiftedBy(shiftDays);
    registry.insert(campaign, source, shiftDays);
    identitySetup.setUp(campaign);
    demoUsers.ifAvailable(users -> users.setUp(campaign));
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
