package org.congressflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.congressflow.support.CampaignBuilder.aCampaign;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.campaign.DueDates;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Overdue gates and escalations at every level: cell, base (pilot and base cell) and district. */
@CongressFlowTest
class DeadlinePathsProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  @Autowired Notifications notifications;
  CampaignDriver campaign;
  String district;

  @BeforeEach
  void launch() {
    AbstractAssertions.init(engine);
    var definition = aCampaign().withBaseCell("thpt-yen-khanh-a").build();
    district = definition.district().id();
    campaign = CampaignDriver.launch(engine, launcher, definition);
  }

  @Test
  void everyGateOfEveryLevelWarnsItsDecidersWhenItIsOverdue() {
    String cell = "khanh-trung-cb-01";
    campaign.complete(cell, "PrepareCongressPlan");
    campaign.complete(cell, "DraftCongressDocuments");
    overdueThenApprove(cell, "ApproveDocuments");
    campaign.complete(cell, "ProposePersonnel");
    overdueThenApprove(cell, "ApprovePersonnelPlan");
    campaign.complete(campaign.task(cell, "HoldCongress"), CampaignDriver.results(today(), 3, 0));
    overdueThenApprove(cell, "RatifyResults");
    assertThat(notifications.count(campaign.campaignId(), cell, "gate-overdue")).isEqualTo(3);

    String pilot = "khanh-trung";
    preparationWithOverdueGates(pilot);
    campaign.complete(pilot, "FixCongressDate");
    campaign.complete(campaign.task(pilot, "HoldPilotCongress"), CampaignDriver.results(today(), 15, 5));
    overdueThenApprove(pilot, "RatifyResults");
    campaign.complete(pilot, "FileCongressDossier");
    assertThat(notifications.count(campaign.campaignId(), pilot, "gate-overdue")).isEqualTo(3);

    campaign.completeCampaignTask("HoldLessonsConference");
    campaign.completeCampaignTask("PublishPilotLessons");
    campaign.prepareBaseCongress("thpt-yen-khanh-a");
    campaign.holdBaseCongress("thpt-yen-khanh-a", "HoldCongress", today(), 3);

    preparationWithOverdueGates(district);
    campaign.complete(district, "FixCongressDate");
    campaign.complete(campaign.task(district, "HoldCongress"), CampaignDriver.results(today(), 33, 12));
    overdueThenApprove(district, "RatifyResults");
    campaign.complete(district, "FileCongressDossier");
    assertThat(notifications.count(campaign.campaignId(), district, "gate-overdue")).isEqualTo(3);
    assertThat(today()).as("all of it before any congress deadline").isBefore(LocalDate.of(2020, 3, 31));
    assertThat(notifications.organisations(campaign.campaignId(), "escalation")).isEmpty();
  }

  @Test
  void lateBaseAndDistrictCongressesAreEscalatedRepeatedAndDecidedAbove() {
    campaign.moveTo(LocalDate.of(2020, 8, 15));
    var base = campaign.task("thpt-yen-khanh-a", "HandleMissedDeadline");
    var districtEscalation = campaign.task(district, "HandleMissedDeadline");
    assertThat(engine.getTaskService().getIdentityLinksForTask(base.getId()))
        .anyMatch(link -> campaign.groups().organisationBoard().equals(link.getGroupId()));
    assertThat(engine.getTaskService().getIdentityLinksForTask(districtEscalation.getId()))
        .anyMatch(link -> campaign.groups().provinceLiaison().equals(link.getGroupId()));

    campaign.moveTo(LocalDate.of(2020, 8, 22));
    assertThat(notifications.count(campaign.campaignId(), "thpt-yen-khanh-a", "escalation")).isEqualTo(2);
    assertThat(notifications.count(campaign.campaignId(), district, "escalation")).isEqualTo(2);

    campaign.complete(base, Map.of("escalationDecision", "raise", "reason", "Đơn vị không báo cáo"));
    var decide = campaign.task("thpt-yen-khanh-a", "DecideMissedDeadline");
    assertThat(engine.getTaskService().getIdentityLinksForTask(decide.getId()))
        .anyMatch(link -> campaign.groups().standingCommittee().equals(link.getGroupId()));
    campaign.complete(decide, Map.of("escalationDecision", "assignDirector", "reason", "Cử đồng chí chỉ đạo",
        "directingMember", "Đồng chí Trần Văn Nam"));

    campaign.complete(districtEscalation, Map.of("escalationDecision", "raise", "reason", "Cần ý kiến Tỉnh ủy"));
    campaign.complete(campaign.task(district, "DecideMissedDeadline"), Map.of("escalationDecision", "extend",
        "newDeadline", DueDates.endOf(LocalDate.of(2020, 9, 30)), "reason", "Tỉnh ủy đồng ý lùi đại hội"));

    assertThat(campaign.task(district, "PrepareCongressPlan").getDueDate())
        .isEqualTo(DueDates.endOf(LocalDate.of(2020, 9, 30)));
    campaign.moveTo(LocalDate.of(2020, 8, 30));
    assertThat(campaign.task("thpt-yen-khanh-a", "HandleMissedDeadline")).as("assigned, still late: again").isNotNull();
  }

  private void preparationWithOverdueGates(String organisationId) {
    campaign.complete(organisationId, "PrepareCongressPlan");
    campaign.complete(organisationId, "DraftPoliticalReport");
    campaign.complete(organisationId, "CollectDocumentOpinions");
    overdueThenApprove(organisationId, "ApproveDocuments");
    campaign.introduceNominees(organisationId);
    campaign.complete(organisationId, "PreparePersonnelPlan");
    campaign.complete(organisationId, "AppraisePersonnel");
    campaign.complete(organisationId, "VerifyPersonnel");
    overdueThenApprove(organisationId, "ApprovePersonnelPlan");
  }

  /** The gate waits past its due date, its deciders are warned, then it is approved. */
  private void overdueThenApprove(String organisationId, String gate) {
    var due = DueDates.today(campaign.task(organisationId, gate).getDueDate());
    campaign.moveTo(due.plusDays(1));
    campaign.approve(organisationId, gate);
  }

  private static LocalDate today() {
    return DueDates.today(ClockUtil.getCurrentTime());
  }
}
