package org.congressflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.congressflow.campaign.CampaignDefinition.Organisation;
import org.congressflow.congress.CongressResults;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The whole Yên Khánh 2020-2025 campaign, from the plan to the ratified XXIV district congress. */
@CongressFlowTest
class CongressCampaignProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  @Autowired CongressResults results;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void initAssertions() {
    AbstractAssertions.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void yenKhanhCampaignRunsFromPlanToRatifiedDistrictCongress() {
    var file = new CampaignFileReader().read(CampaignFileTest.YEN_KHANH);
    // a copy under its own id, so the test can share a database with others that load the real file
    var yenKhanh = file.withId(file.id() + "-full-run");
    var others = yenKhanh.organisationList().stream().map(Organisation::id)
        .filter(id -> !id.equals("khanh-trung")).toList();
    Map<String, Integer> delegates = delegatesProportionalToMembers(yenKhanh, 298);

    at(2019, 11, 20);
    var campaign = CampaignDriver.launch(engine, launcher, yenKhanh);
    int organisations = yenKhanh.organisationList().size();
    int cells = (int) yenKhanh.cells().count();
    assertThat(engine.getTaskService().createTaskQuery().processVariableValueEquals("campaignId", yenKhanh.id())
        .taskDefinitionKey("PrepareCongressPlan").count())
        .as("every organisation's and cell's first task is waiting").isEqualTo(organisations + cells + 1);

    at(2020, 1, 15);
    campaign.prepareBaseCongress("khanh-an");
    assertThat(campaign.congress("khanh-an")).as("prepared, but waits for its cells and the pilot's lessons")
        .isWaitingAt("CellCongresses");

    at(2020, 3, 15);
    yenKhanh.cells().forEach(cell -> campaign.runCellCongress(cell.id(), LocalDate.of(2020, 3, 15)));
    assertThat(campaign.congress("khanh-an")).isWaitingAt("PilotLessonsPublished");

    at(2020, 4, 10);
    campaign.prepareBaseCongress("khanh-trung");
    at(2020, 4, 15);
    campaign.holdBaseCongress("khanh-trung", "HoldPilotCongress", LocalDate.of(2020, 4, 15), delegates.get("khanh-trung"));
    at(2020, 4, 25);
    campaign.completeCampaignTask("HoldLessonsConference");
    at(2020, 5, 4);
    campaign.completeCampaignTask("PublishPilotLessons");
    assertThat(campaign.congress("khanh-an")).isWaitingAt("HoldCongress");

    at(2020, 5, 20);
    others.stream().filter(id -> !id.equals("khanh-an")).forEach(campaign::prepareBaseCongress);
    at(2020, 6, 10);
    String district = yenKhanh.district().id();
    campaign.complete(district, "PrepareCongressPlan");
    campaign.complete(district, "DraftPoliticalReport");
    campaign.complete(district, "CollectDocumentOpinions");
    campaign.approve(district, "ApproveDocuments");
    at(2020, 6, 20);
    others.forEach(id -> campaign.holdBaseCongress(id, "HoldCongress", LocalDate.of(2020, 6, 20), delegates.get(id)));

    at(2020, 7, 1);
    campaign.introduceNominees(district);
    campaign.complete(district, "PreparePersonnelPlan");
    campaign.complete(district, "AppraisePersonnel");
    campaign.complete(district, "VerifyPersonnel");
    campaign.approve(district, "ApprovePersonnelPlan");
    var districtCongress = campaign.congress(district);
    assertThat(districtCongress).isWaitingAt("FixCongressDate");
    assertThat(engine.getRuntimeService().getVariable(districtCongress.getId(), "districtDelegates"))
        .as("the XXIV congress opened with 298 delegates elected at the base").isEqualTo(298);
    campaign.complete(district, "FixCongressDate");
    at(2020, 7, 29);
    campaign.complete(campaign.task(district, "HoldCongress"), CampaignDriver.results(LocalDate.of(2020, 7, 29), 33, 14));
    at(2020, 8, 5);
    campaign.approve(district, "RatifyResults");
    campaign.complete(district, "FileCongressDossier");

    assertThat(districtCongress).isEnded();
    assertThat(campaign.campaignInstance()).as("congresses done; welcoming works and the review go on")
        .isWaitingAt("WelcomingWorks", "QualityReview").isNotWaitingAt("DistrictCongress", "BaseCongresses");
    assertThat(results.count(yenKhanh.id(), "cell")).isEqualTo(cells);
    assertThat(results.count(yenKhanh.id(), "base")).isEqualTo(organisations);
    assertThat(results.count(yenKhanh.id(), "district")).isEqualTo(1);
    assertOrderInHistory(yenKhanh);
  }

  /** Cells before their base, the pilot's lessons before every other base congress, all base before the district. */
  private void assertOrderInHistory(CampaignDefinition campaign) {
    Date lessonsPublished = ended(campaign.id(), "PublishPilotLessons");
    Date lastBaseEnded = new Date(0);
    for (var org : campaign.organisationList()) {
      String hold = org.id().equals("khanh-trung") ? "HoldPilotCongress" : "HoldCongress";
      Date held = started(org.id(), hold, campaign.id());
      for (var cell : org.cellList()) {
        assertThat(ended(cell.id(), "RatifyResults", campaign.id())).as("cell %s ratified before %s held", cell.id(), org.id())
            .isBeforeOrEqualTo(held);
      }
      if (!org.id().equals("khanh-trung")) {
        assertThat(held).as("%s held after the pilot lessons", org.id()).isAfterOrEqualTo(lessonsPublished);
      }
      Date ended = ended(org.id(), "FileCongressDossier", campaign.id());
      lastBaseEnded = ended.after(lastBaseEnded) ? ended : lastBaseEnded;
    }
    assertThat(started(campaign.district().id(), "HoldCongress", campaign.id())).isAfterOrEqualTo(lastBaseEnded);
  }

  private Date ended(String campaignId, String activity) {
    var campaignInstance = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(campaignId).processDefinitionKey("congress-campaign").singleResult();
    return activity(campaignInstance.getId(), activity).getEndTime();
  }

  private Date started(String organisationId, String activity, String campaignId) {
    return activity(instanceOf(organisationId, campaignId), activity).getStartTime();
  }

  private Date ended(String organisationId, String activity, String campaignId) {
    return activity(instanceOf(organisationId, campaignId), activity).getEndTime();
  }

  private String instanceOf(String organisationId, String campaignId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(organisationId)
        .processDefinitionKeyIn("cell-congress", "base-congress", "district-congress")
        .variableValueEquals("campaignId", campaignId).singleResult().getId();
  }

  private HistoricActivityInstance activity(String processInstanceId, String activityId) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .activityId(activityId).orderByHistoricActivityInstanceStartTime().desc().list().get(0);
  }

  private static Map<String, Integer> delegatesProportionalToMembers(CampaignDefinition campaign, int total) {
    int members = campaign.organisationList().stream().mapToInt(Organisation::members).sum();
    var delegates = new HashMap<String, Integer>();
    int given = 0;
    for (var org : campaign.organisationList()) {
      int share = Math.max(1, Math.round((float) org.members() * total / members));
      delegates.put(org.id(), share);
      given += share;
    }
    String first = campaign.organisationList().get(0).id();
    delegates.merge(first, total - given, Integer::sum);
    return delegates;
  }

  private static void at(int year, int month, int day) {
    ClockUtil.setCurrentTime(CampaignDriver.at(LocalDate.of(year, month, day)));
  }
}
