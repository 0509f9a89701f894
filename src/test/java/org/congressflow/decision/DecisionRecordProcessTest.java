package org.congressflow.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.congressflow.support.CampaignBuilder.aCampaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.deadline.DeadlineChanges;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowTest;
import org.congressflow.support.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every gate decision, escalation decision and deadline move lands in the append-only decision record with who,
 * when, what, the comment and the round; the forms show the history from there, so rewriting process variables
 * changes nothing of it.
 */
@CongressFlowTest
class DecisionRecordProcessTest {

  private static final String CELL = "khanh-an-cb-01";
  private static final String BASE_LEADER = "khanh-an-bi-thu";

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  @Autowired DecisionRecord decisions;
  @Autowired DeadlineChanges deadlineChanges;
  @Autowired JdbcTemplate jdbc;
  CampaignDriver campaign;

  @BeforeEach
  void launch() {
    campaign = CampaignDriver.launch(engine, launcher, aCampaign().withBaseCommittee("khanh-an").withCells(1).build());
  }

  @Test
  void everyRoundOfAGateIsRecordedWithWhoWhenAndTheComment() {
    String congress = campaign.congress(CELL).getId();
    campaign.complete(CELL, "PrepareCongressPlan");
    campaign.complete(CELL, "DraftCongressDocuments");
    ClockUtil.setCurrentTime(CampaignDriver.at(LocalDate.of(2020, 1, 6)));
    asUser(BASE_LEADER, () -> campaign.sendBack(CELL, "ApproveDocuments", "Bổ sung phương hướng nhiệm kỳ"));
    campaign.complete(CELL, "DraftCongressDocuments");
    asUser(BASE_LEADER, () -> campaign.approve(CELL, "ApproveDocuments"));

    assertThat(decisions.ofProcess(congress)).extracting(Decision::kind, Decision::step, Decision::round,
        Decision::decision, Decision::comment, Decision::decidedBy, Decision::organisationId, Decision::campaignId)
        .containsExactly(
            tuple("gate", "ApproveDocuments", 1, "sendBack", "Bổ sung phương hướng nhiệm kỳ", BASE_LEADER, CELL,
                campaign.campaignId()),
            tuple("gate", "ApproveDocuments", 2, "approve", "Đồng ý", BASE_LEADER, CELL, campaign.campaignId()));
    assertThat(decisions.ofProcess(congress).get(0).decidedAt()).isEqualTo(CampaignDriver.at(LocalDate.of(2020, 1, 6))
        .toInstant());
    assertThat(decisions.ofProcess(congress).get(0).stepName()).isEqualTo("Cho ý kiến văn kiện đại hội chi bộ");
  }

  @Test
  void rewritingProcessVariablesChangesNeitherTheRecordNorTheHistoryTheFormsShow() throws Exception {
    String congress = campaign.congress(CELL).getId();
    campaign.complete(CELL, "PrepareCongressPlan");
    campaign.complete(CELL, "DraftCongressDocuments");
    asUser(BASE_LEADER, () -> campaign.sendBack(CELL, "ApproveDocuments", "Bổ sung phương hướng nhiệm kỳ"));
    var recorded = decisions.ofProcess(congress);

    // an operator with every right rewrites the congress's data
    engine.getRuntimeService().setVariables(congress, Map.of(
        "gateHistory", SpinValues.jsonValue("[{\"gate\":\"ApproveDocuments\",\"decision\":\"approve\",\"comment\":\"Đã duyệt\"}]").create(),
        "decision", "approve", "comment", "Đã duyệt"));

    assertThat(decisions.ofProcess(congress)).isEqualTo(recorded);
    var redraft = campaign.task(CELL, "DraftCongressDocuments");
    JsonValue shown = engine.getTaskService().getVariableTyped(redraft.getId(), "gateHistory");
    var history = new ObjectMapper().readTree(shown.getValueSerialized());
    assertThat(history).hasSize(1);
    assertThat(history.get(0).get("comment").asText()).isEqualTo("Bổ sung phương hướng nhiệm kỳ");
    assertThat(history.get(0).get("decisionName").asText()).isEqualTo("Trả lại");
    assertThat(history.get(0).get("by").asText()).isEqualTo(BASE_LEADER);
  }

  @Test
  void aMovedLevelDeadlineIsRecordedForEveryCongressItMoved() {
    campaign.moveTo(LocalDate.of(2020, 3, 1));
    deadlineChanges.change(campaign.campaignId(), "cell", LocalDate.of(2020, 4, 30), "Phòng chống dịch COVID-19",
        "organisation-board-officer");

    assertThat(decisions.ofOrganisation(campaign.campaignId(), CELL)).extracting(Decision::kind, Decision::decision,
        Decision::newDeadline, Decision::comment, Decision::decidedBy)
        .containsExactly(tuple("deadline", "move", LocalDate.of(2020, 4, 30), "Phòng chống dịch COVID-19",
            "organisation-board-officer"));
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteARecordedDecision() {
    Assumptions.assumeTrue(TestDatabase.isPostgres(), "PostgreSQL, the production database, has the trigger");
    campaign.complete(CELL, "PrepareCongressPlan");
    campaign.complete(CELL, "DraftCongressDocuments");
    campaign.sendBack(CELL, "ApproveDocuments", "Bổ sung phương hướng nhiệm kỳ");
    String congress = campaign.congress(CELL).getId();

    assertThatThrownBy(() -> jdbc.update("update cf_decision set comment = 'Đồng ý' where process_instance_id = ?",
        congress)).hasMessageContaining("cf_decision is append-only");
    assertThatThrownBy(() -> jdbc.update("delete from cf_decision where process_instance_id = ?", congress))
        .hasMessageContaining("cf_decision is append-only");
    assertThat(decisions.ofProcess(congress)).extracting(Decision::comment)
        .containsExactly("Bổ sung phương hướng nhiệm kỳ");
  }

  /** As a member of Khánh An's standing board, the superior of its cells. */
  private void asUser(String userId, Runnable action) {
    CampaignDriver.authenticate(engine, userId, java.util.List.of(campaign.groups().leaders("khanh-an")));
    try {
      action.run();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
