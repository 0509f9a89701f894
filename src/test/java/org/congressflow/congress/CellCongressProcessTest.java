package org.congressflow.congress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.congressflow.support.CampaignBuilder.aCampaign;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.campaign.DueDates;
import org.congressflow.decision.Decision;
import org.congressflow.decision.DecisionRecord;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@CongressFlowTest
class CellCongressProcessTest {

  private static final String CELL = "khanh-an-cb-01";

  @Autowired ProcessEngine engine;
  @Autowired DecisionRecord decisions;
  @Autowired CampaignLauncher launcher;
  @Autowired CongressResults results;
  CampaignDriver campaign;

  @BeforeEach
  void launch() {
    AbstractAssertions.init(engine);
    campaign = CampaignDriver.launch(engine, launcher, aCampaign().withBaseCommittee("khanh-an").withCells(2).build());
  }

  @Test
  void cellCongressRunsFromPlanToRatificationByItsBaseCommittee() {
    var cell = campaign.congress(CELL);
    assertThat(cell).isWaitingAt("PrepareCongressPlan");
    var plan = campaign.task(CELL, "PrepareCongressPlan");
    assertThat(plan).hasCandidateGroup(campaign.groups().staff("khanh-an-cb-01"));
    assertThat(plan.getDueDate()).isEqualTo(DueDates.endOf(LocalDate.of(2020, 3, 31)));
    assertThat(plan.getDescription()).startsWith("Chi bộ số 1 - Đảng bộ khanh-an");

    campaign.complete(CELL, "PrepareCongressPlan");
    campaign.complete(CELL, "DraftCongressDocuments");
    assertThat(campaign.task(CELL, "ApproveDocuments")).hasCandidateGroup(campaign.groups().leaders("khanh-an"));
    campaign.approve(CELL, "ApproveDocuments");
    assertThat(campaign.task(CELL, "ProposePersonnel")).hasCandidateGroup(campaign.groups().leaders("khanh-an-cb-01"));
    campaign.complete(CELL, "ProposePersonnel");
    campaign.approve(CELL, "ApprovePersonnelPlan");
    campaign.complete(campaign.task(CELL, "HoldCongress"), CampaignDriver.results(LocalDate.of(2020, 3, 12), 3, 0));
    assertThat(cell).isWaitingAt("RatifyResults");
    campaign.approve(CELL, "RatifyResults");

    assertThat(cell).isEnded();
    assertThat(cell).hasPassed("RecordCongressResults");
    assertThat(results.count(campaign.campaignId(), "cell")).isEqualTo(1);
  }

  @Test
  void sentBackDocumentsReturnToDraftingWithEveryRoundKept() throws Exception {
    var cell = campaign.congress(CELL);
    campaign.complete(CELL, "PrepareCongressPlan");
    campaign.complete(CELL, "DraftCongressDocuments");
    campaign.sendBack(CELL, "ApproveDocuments", "Bổ sung phương hướng nhiệm kỳ");

    assertThat(cell).isWaitingAt("DraftCongressDocuments");
    campaign.complete(CELL, "DraftCongressDocuments");
    campaign.approve(CELL, "ApproveDocuments");

    var history = decisions.ofProcess(cell.getId());
    assertThat(history).extracting(Decision::step, Decision::round, Decision::decision, Decision::comment)
        .containsExactly(tuple("ApproveDocuments", 1, "sendBack", "Bổ sung phương hướng nhiệm kỳ"),
            tuple("ApproveDocuments", 2, "approve", "Đồng ý"));
    assertThat(cell).isWaitingAt("ProposePersonnel");
  }

  @Test
  void sentBackPersonnelReturnsToThePersonnelProposal() {
    var cell = campaign.congress(CELL);
    campaign.complete(CELL, "PrepareCongressPlan");
    campaign.complete(CELL, "DraftCongressDocuments");
    campaign.approve(CELL, "ApproveDocuments");
    campaign.complete(CELL, "ProposePersonnel");
    campaign.sendBack(CELL, "ApprovePersonnelPlan", "Cơ cấu chưa có nữ");

    assertThat(cell).isWaitingAt("ProposePersonnel");
  }

  @Test
  void refusedRatificationOrdersANewElection() {
    var cell = campaign.congress(CELL);
    campaign.complete(CELL, "PrepareCongressPlan");
    campaign.complete(CELL, "DraftCongressDocuments");
    campaign.approve(CELL, "ApproveDocuments");
    campaign.complete(CELL, "ProposePersonnel");
    campaign.approve(CELL, "ApprovePersonnelPlan");
    campaign.complete(campaign.task(CELL, "HoldCongress"), CampaignDriver.results(LocalDate.of(2020, 3, 12), 3, 0));
    campaign.sendBack(CELL, "RatifyResults", "Có đơn khiếu nại về bầu cử");

    assertThat(cell).isWaitingAt("HoldCongress");
  }

  @Test
  void aSendBackWithoutCommentIsRefused() {
    campaign.complete(CELL, "PrepareCongressPlan");
    campaign.complete(CELL, "DraftCongressDocuments");
    var gate = campaign.task(CELL, "ApproveDocuments");

    assertThatThrownBy(() -> engine.getTaskService().complete(gate.getId(), Map.of("decision", "sendBack", "comment", " ")))
        .hasMessageContaining("Chưa nhập ý kiến trả lại");
    assertThatThrownBy(() -> engine.getTaskService().complete(gate.getId(), Map.of("decision", "maybe")))
        .hasMessageContaining("Quyết định phải là một trong \"Chấp thuận\", \"Trả lại\", không phải 'maybe'");
    assertThat(campaign.congress(CELL)).isWaitingAt("ApproveDocuments");
  }

  @Test
  void resultsWithoutSecretaryOrCommitteeAreRefused() {
    campaign.complete(CELL, "PrepareCongressPlan");
    campaign.complete(CELL, "DraftCongressDocuments");
    campaign.approve(CELL, "ApproveDocuments");
    campaign.complete(CELL, "ProposePersonnel");
    campaign.approve(CELL, "ApprovePersonnelPlan");
    var hold = campaign.task(CELL, "HoldCongress");
    var bad = CampaignDriver.results(LocalDate.of(2020, 3, 12), 0, 0);
    bad.put("secretary", "");

    assertThatThrownBy(() -> engine.getTaskService().complete(hold.getId(), bad))
        .hasMessageContaining("Số cấp ủy viên trúng cử phải từ 1 trở lên")
        .hasMessageContaining("Chưa nhập họ tên bí thư");
    assertThat(campaign.congress(CELL)).isWaitingAt("HoldCongress");
    assertThat(results.count(campaign.campaignId(), "cell")).isZero();
  }

}
