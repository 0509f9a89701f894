package org.congressflow.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.congressflow.support.CampaignBuilder.aCampaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowTest;
import org.congressflow.support.FormSamples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rules of each task's form hold on the server, whoever completes the task: a REST or Java caller gets the
 * same refusal, in Vietnamese and naming the field, as the browser's form would show.
 */
@CongressFlowTest
class TaskFormRulesTest {

  private static final String ORG = "khanh-an";

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  CampaignDriver campaign;

  @BeforeEach
  void launch() {
    campaign = CampaignDriver.launch(engine, launcher, aCampaign().withBaseCommittee(ORG).withCells(1).build());
  }

  @Test
  void everyUserTaskHasAVietnameseFormFor724NamedAfterItsId() throws Exception {
    var repository = engine.getRepositoryService();
    var taskIds = new TreeSet<String>();
    var embedded = new TreeSet<String>();
    for (var definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
      for (var task : repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)) {
        (task.getCamundaFormKey() != null ? embedded : taskIds).add(task.getId());
      }
    }
    assertThat(taskIds.size() + embedded.size()).as("user tasks of all processes").isGreaterThanOrEqualTo(31);
    assertThat(taskIds).as("the gates are one shared task, the approval gate's").contains("DecideGate")
        .doesNotContain("ApproveDocuments", "ApprovePersonnelPlan", "RatifyResults");
    assertThat(embedded).as("tasks with a document upload use an embedded form")
        .containsExactly("DraftCongressDocuments", "DraftPoliticalReport", "HoldCongress", "HoldPilotCongress",
            "PreparePersonnelPlan");
    for (String taskId : embedded) {
      String html = Files.readString(Path.of("src/main/resources/static/forms", DeployedForms.formIdOf(taskId) + ".html"));
      assertThat(html).as(taskId).contains("cam-variable-type=\"File\"").containsPattern("[ạảãáàâầấậẩẫăắằặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]");
    }
    for (String taskId : taskIds) {
      String formId = DeployedForms.formIdOf(taskId);
      var form = new ObjectMapper().readTree(Files.readString(Path.of("processes/forms", formId + ".form")));
      assertThat(form.get("id").asText()).isEqualTo(formId);
      assertThat(form.get("executionPlatform").asText()).isEqualTo("Camunda Platform");
      assertThat(form.get("executionPlatformVersion").asText()).startsWith("7.24");
      assertThat(form.toString()).as(formId).containsPattern("[ạảãáàâầấậẩẫăắằặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]");
    }
  }

  @Test
  void aPlanNumberInTheWrongFormatAndMissingSubcommitteesAreRefusedNamingTheFields() {
    var task = campaign.task(ORG, "PrepareCongressPlan");
    var values = new HashMap<>(FormSamples.forTask("PrepareCongressPlan", Map.of("planNumber", "kế hoạch 1")));
    values.remove("subcommittees");

    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), values))
        .hasMessageContaining("Biểu mẫu \"Xây dựng kế hoạch đại hội và thành lập các tiểu ban\" chưa hợp lệ")
        .hasMessageContaining("Số kế hoạch không đúng định dạng: 'kế hoạch 1'")
        .hasMessageContaining("Chưa nhập các tiểu ban đã thành lập");
    assertThat(campaign.task(ORG, "PrepareCongressPlan").getId()).isEqualTo(task.getId());
  }

  @Test
  void numbersOutOfRangeAndUnknownChoicesAreRefused() {
    campaign.complete(ORG, "PrepareCongressPlan");
    campaign.complete(ORG, "DraftPoliticalReport");
    var task = campaign.task(ORG, "CollectDocumentOpinions");

    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(),
        FormSamples.forTask("CollectDocumentOpinions", Map.of("opinionsReceived", -3, "draftAdoptedOn", "ngày mai"))))
        .hasMessageContaining("Số ý kiến góp ý nhận được phải từ 0 trở lên, không phải -3")
        .hasMessageContaining("Ngày cấp ủy thông qua dự thảo không phải là ngày hợp lệ");
  }

  @Test
  void thePoliticalReportMustBeAttachedAndNoLargerThanTenMegabytes() {
    campaign.complete(ORG, "PrepareCongressPlan");
    var task = campaign.task(ORG, "DraftPoliticalReport");
    var withoutReport = new HashMap<>(FormSamples.forTask("DraftPoliticalReport", Map.of()));
    withoutReport.remove("politicalReport");

    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), withoutReport))
        .hasMessageContaining("Chưa đính kèm tệp dự thảo báo cáo chính trị");
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), FormSamples.forTask("DraftPoliticalReport",
        Map.of("politicalReport", FormSamples.document("qua-lon.pdf", new byte[11 * 1024 * 1024])))))
        .hasMessageContaining("Tệp dự thảo báo cáo chính trị quá lớn: 11 MB, tối đa 10 MB");
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), FormSamples.forTask("DraftPoliticalReport",
        Map.of("appendix", FormSamples.document("phu-luc.pdf", new byte[11 * 1024 * 1024])))))
        .hasMessageContaining("không có trường appendix: chỉ gửi được các trường của biểu mẫu");

    campaign.complete(task, Map.of());
    assertThat(campaign.task(ORG, "CollectDocumentOpinions")).isNotNull();
  }

  @Test
  void aGateStartsEachRoundWithoutThePreviousDecisionAndNeedsACommentOnlyToSendBack() {
    campaign.complete(ORG, "PrepareCongressPlan");
    campaign.complete(ORG, "DraftPoliticalReport");
    campaign.complete(ORG, "CollectDocumentOpinions");
    campaign.sendBack(ORG, "ApproveDocuments", "Bổ sung số liệu kinh tế");
    campaign.complete(ORG, "DraftPoliticalReport");
    campaign.complete(ORG, "CollectDocumentOpinions");

    var gate = campaign.task(ORG, "ApproveDocuments");
    assertThat(engine.getTaskService().getVariables(gate.getId())).doesNotContainKeys("decision", "comment");
    assertThatThrownBy(() -> engine.getTaskService().complete(gate.getId(), Map.of()))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessage("Biểu mẫu \"Cho ý kiến văn kiện đại hội\" chưa hợp lệ: Chưa nhập quyết định");

    engine.getTaskService().complete(gate.getId(), Map.of("decision", "approve"));
    assertThat(campaign.task(ORG, "HoldFirstStandingCommitteeMeeting")).isNotNull();
  }
}
