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
class DistrictCongressProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
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
  void districtCongressIsPreparedWithTheProvinceAndHeldOnlyAfterEveryBaseCongress() {
    var congress = campaign.congress(district);
    var plan = campaign.task(district, "PrepareCongressPlan");
    assertThat(plan).hasCandidateGroup(campaign.groups().staff(district));
    assertThat(plan.getDueDate()).isEqualTo(DueDates.endOf(LocalDate.of(2020, 8, 14)));

    prepareDistrictDocumentsAndPersonnel();
    assertThat(congress).isWaitingAt("BaseCongressesCompleted");

    completeBaseLevel();

    assertThat(congress).isWaitingAt("FixCongressDate");
    assertThat(engine.getRuntimeService().getVariable(congress.getId(), "districtDelegates"))
        .as("delegates elected at the base congresses").isEqualTo(5 + 3);
    campaign.complete("" + district, "FixCongressDate");
    campaign.complete(campaign.task(district, "HoldCongress"), CampaignDriver.results(LocalDate.of(2020, 7, 29), 33, 12));
    assertThat(campaign.task(district, "RatifyResults")).hasCandidateGroup(campaign.groups().provinceLiaison());
    campaign.approve(district, "RatifyResults");
    campaign.complete(district, "FileCongressDossier");

    assertThat(congress).isEnded();
    assertThat(campaign.campaignInstance()).isNotWaitingAt("DistrictCongress");
  }

  @Test
  void provinceSendsBackTheDistrictDocuments() {
    var congress = campaign.congress(district);
    campaign.complete(district, "PrepareCongressPlan");
    campaign.complete(district, "DraftPoliticalReport");
    assertThat(campaign.task(district, "CollectDocumentOpinions")).hasCandidateGroup(campaign.groups().standingCommittee());
    campaign.complete(district, "CollectDocumentOpinions");
    assertThat(campaign.task(district, "ApproveDocuments")).hasCandidateGroup(campaign.groups().provinceLiaison());
    campaign.sendBack(district, "ApproveDocuments", "Bổ sung đánh giá về chuyển đổi số");

    assertThat(congress).isWaitingAt("DraftPoliticalReport");
  }

  @Test
  void districtWhosePreparationEndsLateGoesStraightToItsDelegates() {
    completeBaseLevel();
    prepareDistrictDocumentsAndPersonnel();

    assertThat(campaign.congress(district)).hasNotPassed("BaseCongressesCompleted").isWaitingAt("FixCongressDate");
  }

  private void prepareDistrictDocumentsAndPersonnel() {
    campaign.prepareDocumentsAndPersonnel(district);
  }

  private void completeBaseLevel() {
    campaign.runCellCongress("khanh-trung-cb-01", LocalDate.of(2020, 3, 20));
    campaign.prepareBaseCongress("khanh-trung");
    campaign.holdBaseCongress("khanh-trung", "HoldPilotCongress", LocalDate.of(2020, 4, 15), 5);
    campaign.completeCampaignTask("HoldLessonsConference");
    campaign.completeCampaignTask("PublishPilotLessons");
    campaign.prepareBaseCongress("thpt-yen-khanh-a");
    campaign.holdBaseCongress("thpt-yen-khanh-a", "HoldCongress", LocalDate.of(2020, 5, 20), 3);
  }
}
