package org.congressflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.congressflow.support.CampaignBuilder.aCampaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.decision.Decision;
import org.congressflow.decision.DecisionRecord;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The approval gate and the deadline watch are defined once (processes/approval-gate.bpmn,
 * processes/deadline-watch.bpmn) and called by the cell, base and district congresses: one change to the gate
 * reaches all three levels, and what a gate decides stays the congress's own.
 */
@CongressFlowTest
class SharedPartsProcessTest {

  private static final List<String> CONGRESSES = List.of("cell-congress", "base-congress", "district-congress");
  private static final String BASE = "khanh-an";
  private static final String CELL = "khanh-an-cb-01";

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  @Autowired DecisionRecord decisions;
  CampaignDriver campaign;
  String district;
  String changedGate;

  @BeforeEach
  void launch() {
    var definition = aCampaign().withBaseCommittee(BASE).withCells(1).build();
    district = definition.district().id();
    campaign = CampaignDriver.launch(engine, launcher, definition);
  }

  @AfterEach
  void undeployChangedGate() {
    if (changedGate != null) {
      engine.getRepositoryService().deleteDeployment(changedGate, true);
    }
  }

  @Test
  void everyCongressCallsTheOneGateAndTheOneWatchAndDrawsNeitherItself() throws Exception {
    for (String key : CONGRESSES) {
      var model = Bpmn.readModelFromFile(Path.of("processes", key + ".bpmn").toFile());
      var calls = model.getModelElementsByType(CallActivity.class).stream()
          .filter(call -> CongressParts.isPart(call.getCalledElement()))
          .map(call -> tuple(call.getId(), call.getCalledElement())).toList();
      var expected = new java.util.ArrayList<>(List.of(tuple("ApproveDocuments", CongressParts.GATE),
          tuple("ApprovePersonnelPlan", CongressParts.GATE), tuple("RatifyResults", CongressParts.GATE),
          tuple("WatchDeadline", CongressParts.WATCH)));
      if (!"cell-congress".equals(key)) { // a cell proposes its few members without the five steps
        expected.add(tuple("IntroduceNominees", CongressParts.INTRODUCTION));
      }
      assertThat(calls).as(key).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(model.getModelElementsByType(UserTask.class)).as(key + ": its own user tasks")
          .noneMatch(task -> "${superiorGroup}".equals(task.getCamundaCandidateGroups()))
          .noneMatch(task -> List.of("HandleMissedDeadline", "DecideMissedDeadline", "DecideGate").contains(task.getId()));
      assertThat(model.getModelElementsByType(ServiceTask.class)).as(key + ": its own automated steps")
          .extracting(ServiceTask::getCamundaDelegateExpression)
          .doesNotContain("${checkDeadline}", "${sendDeadlineReminder}", "${sendEscalationMail}", "${notifyGateOverdue}");
    }
  }

  @Test
  void oneChangeToTheGateReachesTheCellTheBaseAndTheDistrict() throws Exception {
    String gate = Files.readString(Path.of("processes/approval-gate.bpmn"))
        .replace("camunda:formRef=\"decide-gate\"", "camunda:formRef=\"decide-gate-changed\"");
    String form = Files.readString(Path.of("processes/forms/decide-gate.form"))
        .replace("\"id\": \"decide-gate\"", "\"id\": \"decide-gate-changed\"");
    changedGate = engine.getRepositoryService().createDeployment().name("changed gate")
        .addString("approval-gate.bpmn", gate).addString("decide-gate-changed.form", form).deploy().getId();

    campaign.complete(CELL, "PrepareCongressPlan");
    campaign.complete(CELL, "DraftCongressDocuments");
    for (String organisation : List.of(BASE, district)) {
      campaign.complete(organisation, "PrepareCongressPlan");
      campaign.complete(organisation, "DraftPoliticalReport");
      campaign.complete(organisation, "CollectDocumentOpinions");
    }

    for (String organisation : List.of(CELL, BASE, district)) {
      var task = campaign.task(organisation, "ApproveDocuments");
      assertThat(engine.getFormService().getTaskFormData(task.getId()).getCamundaFormRef().getKey())
          .as("the gate form of %s", organisation).isEqualTo("decide-gate-changed");
      assertThat(task.getName()).as("named after the congress's step").startsWith("Cho ý kiến");
      campaign.sendBack(organisation, "ApproveDocuments", "Bổ sung số liệu của " + organisation);
    }
    assertThat(decisions.ofProcess(campaign.congress(CELL).getId()))
        .as("the gate's decision belongs to the congress that called it")
        .extracting(Decision::step, Decision::round, Decision::decision, Decision::processKey)
        .containsExactly(tuple("ApproveDocuments", 1, "sendBack", "cell-congress"));
    assertThat(engine.getRuntimeService().getActiveActivityIds(campaign.congress(CELL).getId()))
        .as("sent back to the cell's drafting").contains("DraftCongressDocuments");
  }
}
