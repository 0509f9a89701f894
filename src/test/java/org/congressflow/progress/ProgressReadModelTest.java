package org.congressflow.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.congressflow.campaign.CampaignDefinition;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.campaign.DueDates;
import org.congressflow.security.Caller;
import org.congressflow.support.CampaignBuilder;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard's read model says what Camunda says, for every organisation, at every point of a campaign in
 * which some organisations are late; and a rebuild from the history gives the same read model.
 */
@CongressFlowTest
class ProgressReadModelTest {


  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  @Autowired ProgressService progress;
  @Autowired ProgressRebuild rebuild;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void readModelMatchesCamundaForEveryOrganisationThroughACampaignWithLateOrganisations() {
    CampaignDefinition campaign = CampaignBuilder.aCampaign()
        .withBaseCommittee("khanh-an").withCells(2)
        .withBaseCell("khanh-hoa")
        .build();
    at(2019, 11, 20);
    var driver = CampaignDriver.launch(engine, launcher, campaign);
    var board = new Caller("organisation-board-officer", List.of(driver.groups().organisationBoard()));
    assertMatchesCamunda(campaign);

    at(2020, 3, 10);
    driver.runCellCongress("khanh-trung-cb-01", LocalDate.of(2020, 3, 10));
    driver.runCellCongress("khanh-an-cb-01", LocalDate.of(2020, 3, 10));
    driver.complete("khanh-an", "PrepareCongressPlan");
    driver.complete("khanh-an", "DraftPoliticalReport");
    driver.complete("khanh-an", "CollectDocumentOpinions");
    driver.approve("khanh-an", "ApproveDocuments");
    driver.introduceNominees("khanh-an");
    driver.complete("khanh-an", "PreparePersonnelPlan");
    assertThat(driver.openTasks("khanh-an")).as("appraisal and verification in parallel").hasSize(2);
    assertMatchesCamunda(campaign);

    at(2020, 4, 10);
    var late = progress.progress(campaign.id(), board, 0, 100);
    assertThat(count(late, "cell").overdue()).as("khanh-an-cb-02 missed 31/03/2020").isEqualTo(1);
    assertThat(count(late, "cell").done()).isEqualTo(2);
    assertMatchesCamunda(campaign);

    at(2020, 4, 12);
    driver.runCellCongress("khanh-an-cb-02", LocalDate.of(2020, 4, 12));
    var cell = progress.organisation(campaign.id(), "khanh-an", board).cells().stream()
        .filter(c -> c.organisationId().equals("khanh-an-cb-02")).findFirst().orElseThrow();
    assertThat(cell.status()).isEqualTo(Status.DONE);
    assertThat(cell.daysLate()).as("done 12 days after 31/03/2020").isEqualTo(12);

    at(2020, 4, 15);
    driver.prepareBaseCongress("khanh-trung");
    driver.holdBaseCongress("khanh-trung", "HoldPilotCongress", LocalDate.of(2020, 4, 15), 10);
    driver.completeCampaignTask("HoldLessonsConference");
    assertThat(progress.progress(campaign.id(), board, 0, 100).pilot().lessonsPublished()).isFalse();
    assertMatchesCamunda(campaign);
    driver.completeCampaignTask("PublishPilotLessons");
    assertThat(progress.progress(campaign.id(), board, 0, 100).pilot().lessonsPublished()).isTrue();

    at(2020, 7, 3);
    assertMatchesCamunda(campaign);
    var overdue = progress.progress(campaign.id(), board, 0, 100);
    assertThat(count(overdue, "base").overdue()).as("khanh-an and khanh-hoa missed 30/06/2020").isEqualTo(2);
    assertThat(overdue.organisations()).filteredOn(o -> o.organisationId().equals("khanh-hoa")).singleElement()
        .satisfies(o -> assertThat(o.daysLate()).isEqualTo(3));

    driver.prepareBaseCongress("khanh-hoa");
    driver.holdBaseCongress("khanh-hoa", "HoldCongress", LocalDate.of(2020, 7, 3), 5);
    driver.complete("khanh-an", "AppraisePersonnel");
    driver.complete("khanh-an", "VerifyPersonnel");
    driver.approve("khanh-an", "ApprovePersonnelPlan");
    driver.complete("khanh-an", "FixCongressDate");
    driver.holdBaseCongress("khanh-an", "HoldCongress", LocalDate.of(2020, 7, 3), 5);
    String district = campaign.district().id();
    driver.prepareBaseCongress(district);
    driver.complete(driver.task(district, "HoldCongress"), CampaignDriver.results(LocalDate.of(2020, 8, 1), 33, 14));
    driver.approve(district, "RatifyResults");
    driver.complete(district, "FileCongressDossier");
    assertMatchesCamunda(campaign);

    var end = progress.progress(campaign.id(), board, 0, 100);
    assertThat(end.counts()).allSatisfy(c -> assertThat(c.done()).isEqualTo(c.total()));
    assertThat(end.counts()).extracting(ProgressView.LevelCount::total).containsExactly(3, 3, 1);
  }

  @Test
  void rebuildFromHistoryGivesTheSameReadModel() {
    CampaignDefinition campaign = CampaignBuilder.aCampaign().withBaseCommittee("khanh-an").withCells(2).build();
    at(2019, 11, 20);
    var driver = CampaignDriver.launch(engine, launcher, campaign);
    var board = new Caller("organisation-board-officer", List.of(driver.groups().organisationBoard()));
    at(2020, 3, 10);
    driver.runCellCongress("khanh-an-cb-01", LocalDate.of(2020, 3, 10));
    driver.prepareBaseCongress("khanh-an");
    driver.complete("khanh-trung", "PrepareCongressPlan");
    var before = snapshot();
    jdbc.update("delete from cf_progress_step");
    jdbc.update("delete from cf_progress");

    assertThat(rebuild.rebuild()).isGreaterThanOrEqualTo(7);

    assertThat(snapshot()).isEqualTo(before);
    assertMatchesCamunda(campaign);
  }

  /** For every congress of the campaign: the instance, its end, its open tasks, its deadline and its name. */
  private void assertMatchesCamunda(CampaignDefinition campaign) {
    var instances = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .variableValueEquals("campaignId", campaign.id())
        .processDefinitionKeyIn("cell-congress", "base-congress", "district-congress").list();
    int organisations = 1 + campaign.organisationList().size() + (int) campaign.cells().count();
    assertThat(instances).as("one congress per organisation").hasSize(organisations);
    for (var instance : instances) {
      var row = jdbc.queryForMap("select * from cf_progress where process_instance_id = ?", instance.getId());
      String org = instance.getBusinessKey();
      assertThat(row.get("campaign_id")).as(org).isEqualTo(campaign.id());
      assertThat(row.get("organisation_id")).isEqualTo(org);
      assertThat(row.get("parent_id")).as("parent of %s", org)
          .isEqualTo(campaign.parentOf(org).map(CampaignDefinition.Organisation::id).orElse(null));
      assertThat(row.get("ended_at") != null).as("%s ended", org).isEqualTo(instance.getEndTime() != null);
      var variables = engine.getHistoryService().createHistoricVariableInstanceQuery()
          .processInstanceIdIn(instance.getId()).variableNameIn("organisationName", "congressDue").list().stream()
          .collect(java.util.stream.Collectors.toMap(v -> v.getName(), v -> v.getValue()));
      assertThat(row.get("name")).as("name of %s", org).isEqualTo(variables.get("organisationName"));
      assertThat(((java.sql.Date) row.get("due_date")).toLocalDate()).as("deadline of %s", org)
          .isEqualTo(DueDates.today((Date) variables.get("congressDue")));
      var openTasks = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list().stream()
          .map(Task::getId).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
      var steps = new TreeSet<>(jdbc.queryForList(
          "select id from cf_progress_step where process_instance_id = ? and kind = 'task'", String.class,
          instance.getId()));
      assertThat(steps).as("open tasks of %s", org).isEqualTo(openTasks);
      boolean waitsForCells = !engine.getRuntimeService().createProcessInstanceQuery()
          .superProcessInstanceId(instance.getId()).list().isEmpty();
      var waits = jdbc.queryForList("select step_key from cf_progress_step where process_instance_id = ? and kind = 'wait'",
          String.class, instance.getId());
      assertThat(waits.contains("CellCongresses")).as("%s waits for its cells", org).isEqualTo(waitsForCells);
    }
  }

  private Map<String, List<Map<String, Object>>> snapshot() {
    var snapshot = new TreeMap<String, List<Map<String, Object>>>();
    snapshot.put("progress", jdbc.queryForList("select * from cf_progress order by process_instance_id"));
    snapshot.put("steps", jdbc.queryForList("select * from cf_progress_step order by id"));
    return snapshot;
  }

  private static ProgressView.LevelCount count(ProgressView view, String level) {
    return view.counts().stream().filter(c -> c.level().equals(level)).findFirst().orElseThrow();
  }

  private static void at(int year, int month, int day) {
    ClockUtil.setCurrentTime(CampaignDriver.at(LocalDate.of(year, month, day)));
  }
}
