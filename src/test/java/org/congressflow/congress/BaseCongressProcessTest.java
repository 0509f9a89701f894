package org.congressflow.congress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.congressflow.support.CampaignBuilder.aCampaign;

import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.campaign.DueDates;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@CongressFlowTest
class BaseCongressProcessTest {

  private static final LocalDate CELLS_HELD = LocalDate.of(2020, 3, 20);

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  @Autowired CongressResults results;
  CampaignDriver campaign;

  @BeforeEach
  void launch() {
    AbstractAssertions.init(engine);
    campaign = CampaignDriver.launch(engine, launcher,
        aCampaign().withBaseCommittee("khanh-an").withCells(2).withBaseCell("thpt-yen-khanh-a").build());
  }

  @Test
  void baseCongressTasksBelongToTheOrganisationAndItsSuperiors() {
    var plan = campaign.task("khanh-an", "PrepareCongressPlan");
    assertThat(plan).hasCandidateGroup(campaign.groups().staff("khanh-an"));
    assertThat(plan.getDueDate()).isEqualTo(DueDates.endOf(LocalDate.of(2020, 6, 30)));
    assertThat(campaign.task("khanh-trung", "PrepareCongressPlan").getDueDate())
        .as("the pilot has its own, earlier deadline").isEqualTo(DueDates.endOf(LocalDate.of(2020, 4, 20)));

    campaign.complete("khanh-an", "PrepareCongressPlan");
    campaign.complete("khanh-an", "DraftPoliticalReport");
    assertThat(campaign.task("khanh-an", "CollectDocumentOpinions")).hasCandidateGroup(campaign.groups().leaders("khanh-an"));
    campaign.complete("khanh-an", "CollectDocumentOpinions");
    assertThat(campaign.task("khanh-an", "ApproveDocuments")).hasCandidateGroup(campaign.groups().standingCommittee());
    campaign.approve("khanh-an", "ApproveDocuments");
    campaign.introduceNominees("khanh-an");
    campaign.complete("khanh-an", "PreparePersonnelPlan");
    assertThat(campaign.task("khanh-an", "AppraisePersonnel")).hasCandidateGroup(campaign.groups().organisationBoard());
    assertThat(campaign.task("khanh-an", "VerifyPersonnel")).hasCandidateGroup(campaign.groups().inspection());
  }

  @Test
  void baseCongressIsNotHeldBeforePilotLessonsArePublished() {
    campaign.runCellCongress("khanh-an-cb-01", CELLS_HELD);
    campaign.runCellCongress("khanh-an-cb-02", CELLS_HELD);
    campaign.prepareBaseCongress("khanh-an");

    var khanhAn = campaign.congress("khanh-an");
    assertThat(khanhAn).isWaitingAt("PilotLessonsPublished");
    assertThat(campaign.openTasks("khanh-an")).isEmpty();

    runPilotAndPublishLessons();

    assertThat(khanhAn).isWaitingAt("HoldCongress");
  }

  @Test
  void baseCongressIsNotHeldBeforeItsCellsAreRatified() {
    runPilotAndPublishLessons();
    campaign.runCellCongress("khanh-an-cb-01", CELLS_HELD);
    campaign.prepareBaseCongress("khanh-an");

    var khanhAn = campaign.congress("khanh-an");
    assertThat(khanhAn).isWaitingAt("CellCongresses");
    assertThat(campaign.openTasks("khanh-an")).isEmpty();

    campaign.runCellCongress("khanh-an-cb-02", CELLS_HELD);

    assertThat(khanhAn).isWaitingAt("HoldCongress");
  }

  @Test
  void aBaseCellWithoutCellsIsHeldOnceLessonsArePublished() {
    runPilotAndPublishLessons();
    campaign.prepareBaseCongress("thpt-yen-khanh-a");
    var school = campaign.congress("thpt-yen-khanh-a");
    assertThat(school).isWaitingAt("HoldCongress");

    campaign.holdBaseCongress("thpt-yen-khanh-a", "HoldCongress", LocalDate.of(2020, 5, 20), 3);

    assertThat(school).isEnded();
    assertThat(results.delegatesElectedAtBase(campaign.campaignId())).isEqualTo(5 + 3);
  }

  @Test
  void pilotCongressElectsItsSecretaryDirectly() {
    campaign.runCellCongress("khanh-trung-cb-01", CELLS_HELD);
    campaign.prepareBaseCongress("khanh-trung");
    var pilot = campaign.congress("khanh-trung");

    assertThat(pilot).isWaitingAt("HoldPilotCongress");
    assertThat(pilot).variables().containsEntry("directSecretaryElection", true);
    campaign.holdBaseCongress("khanh-trung", "HoldPilotCongress", LocalDate.of(2020, 4, 15), 5);

    assertThat(pilot).isEnded();
    assertThat(pilot).hasPassed("HoldPilotCongress").hasNotPassed("HoldCongress");
    assertThat(campaign.campaignTask("HoldLessonsConference")).isNotNull();
  }

  @Test
  void aPilotWithoutTheTrialIsHeldFirstButElectsItsSecretaryTheNormalWay() {
    var withoutTrial = CampaignDriver.launch(engine, launcher, aCampaign().withoutDirectSecretaryElection().build());
    withoutTrial.runCellCongress("khanh-trung-cb-01", CELLS_HELD);
    withoutTrial.prepareBaseCongress("khanh-trung");
    var pilot = withoutTrial.congress("khanh-trung");

    assertThat(pilot).as("the pilot waits for no lessons").isWaitingAt("HoldCongress");
    assertThat(pilot).variables().containsEntry("pilot", true).containsEntry("directSecretaryElection", false);
    withoutTrial.holdBaseCongress("khanh-trung", "HoldCongress", LocalDate.of(2020, 4, 15), 5);

    assertThat(pilot).isEnded();
    assertThat(pilot).hasPassed("HoldCongress").hasNotPassed("HoldPilotCongress");
    assertThat(withoutTrial.campaignTask("HoldLessonsConference")).as("its lessons are still drawn").isNotNull();
  }

  @Test
  void sentBackDocumentsAndPersonnelLoopBackToTheirDraftingSteps() {
    var khanhAn = campaign.congress("khanh-an");
    campaign.complete("khanh-an", "PrepareCongressPlan");
    campaign.complete("khanh-an", "DraftPoliticalReport");
    campaign.complete("khanh-an", "CollectDocumentOpinions");
    campaign.sendBack("khanh-an", "ApproveDocuments", "Làm rõ chỉ tiêu nông thôn mới kiểu mẫu");
    assertThat(khanhAn).isWaitingAt("DraftPoliticalReport");

    campaign.complete("khanh-an", "DraftPoliticalReport");
    campaign.complete("khanh-an", "CollectDocumentOpinions");
    campaign.approve("khanh-an", "ApproveDocuments");
    campaign.introduceNominees("khanh-an");
    campaign.complete("khanh-an", "PreparePersonnelPlan");
    campaign.complete("khanh-an", "AppraisePersonnel");
    campaign.complete("khanh-an", "VerifyPersonnel");
    campaign.sendBack("khanh-an", "ApprovePersonnelPlan", "Tỷ lệ cán bộ nữ dưới 15%");

    assertThat(khanhAn).as("a plan sent back is introduced again").isWaitingAt("IntroduceNominees");
  }

  @Test
  void refusedRatificationOrdersANewElection() {
    runPilotAndPublishLessons();
    campaign.prepareBaseCongress("thpt-yen-khanh-a");
    campaign.complete(campaign.task("thpt-yen-khanh-a", "HoldCongress"),
        CampaignDriver.results(LocalDate.of(2020, 5, 20), 5, 2));
    campaign.sendBack("thpt-yen-khanh-a", "RatifyResults", "Bầu cử chưa đúng quy chế");

    assertThat(campaign.congress("thpt-yen-khanh-a")).isWaitingAt("HoldCongress");
  }

  private void runPilotAndPublishLessons() {
    campaign.runCellCongress("khanh-trung-cb-01", CELLS_HELD);
    campaign.prepareBaseCongress("khanh-trung");
    campaign.holdBaseCongress("khanh-trung", "HoldPilotCongress", LocalDate.of(2020, 4, 15), 5);
    campaign.completeCampaignTask("HoldLessonsConference");
    campaign.completeCampaignTask("PublishPilotLessons");
  }
}
