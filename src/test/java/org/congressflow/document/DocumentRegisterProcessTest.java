package org.congressflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.congressflow.support.CampaignBuilder.aCampaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.FormSamples;
import org.congressflow.support.HttpUser;
import org.congressflow.support.ResetClock;
import org.congressflow.support.TestDatabase;
import org.congressflow.support.TestSmtp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The reviewer reads what they approve, every round of it: each file an organisation submits is kept as a
 * version of its document (a send-back and redraft adds one, keeping the file adds none), the redraft form shows
 * the latest version and keeps it when the file input is left empty, the gate lists them with links, and the link
 * downloads the file for those who may read the congress and for nobody else.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.config.location=classpath:/")
@ActiveProfiles(resolver = TestDatabase.class)
@ContextConfiguration(initializers = TestSmtp.class)
@ExtendWith(ResetClock.class)
class DocumentRegisterProcessTest {

  private static final String ORG = "khanh-an";
  private static final String OTHER = "khanh-hoi";
  private static final String PASSWORD = "Thu-nghiem-2020!Aa";
  private static final String STANDING = "documents-standing-member";
  private static final String OFFICER = "documents-khanh-an-officer";
  private static final String STRANGER = "documents-khanh-hoi-officer";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  @Autowired DocumentRecord documents;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;
  private CampaignDriver campaign;

  @BeforeEach
  void launch() {
    campaign = CampaignDriver.launch(engine, launcher,
        aCampaign().withBaseCommittee(ORG).withCells(1).withBaseCommittee(OTHER).withCells(1).build());
    user(STANDING, campaign.groups().standingCommittee());
    user(OFFICER, campaign.groups().staff(ORG));
    user(STRANGER, campaign.groups().staff(OTHER));
  }

  @Test
  void everyRoundOfADocumentReachesTheReviewerAndOnlyThoseWhoMayReadTheCongress() throws Exception {
    byte[] first = "%PDF-1.4 Dự thảo lần 1".getBytes(StandardCharsets.UTF_8);
    byte[] second = "%PDF-1.4 Dự thảo lần 2, bổ sung phương hướng".getBytes(StandardCharsets.UTF_8);
    campaign.complete(ORG, "PrepareCongressPlan");
    submitDraft(Map.of("politicalReport", FormSamples.document("bao-cao-chinh-tri_[v1].pdf", first)));

    var gate = campaign.task(ORG, "ApproveDocuments");
    var rows = JSON.readTree(engine.getTaskService().getVariable(gate.getId(), "documents").toString());
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("label").asText()).isEqualTo("Dự thảo báo cáo chính trị");
    assertThat(rows.get(0).get("fileName").asText()).isEqualTo("bao-cao-chinh-tri_[v1].pdf");
    assertThat(rows.get(0).get("version").asInt()).isEqualTo(1);
    assertThat((String) engine.getTaskService().getVariable(gate.getId(), "documentLinks"))
        .as("a link a person clicks, the typed file name escaped")
        .contains("[bao\\-cao\\-chinh\\-tri\\_\\[v1\\]\\.pdf](" + rows.get(0).get("url").asText() + ")");

    campaign.sendBack(ORG, "ApproveDocuments", "Bổ sung phương hướng nhiệm kỳ");
    submitDraft(Map.of("politicalReport", FormSamples.document("bao-cao-chinh-tri-v2.pdf", second)));
    campaign.sendBack(ORG, "ApproveDocuments", "Sửa lỗi chính tả");
    String congress = campaign.congress(ORG).getId();
    var redraft = campaign.task(ORG, "DraftPoliticalReport");
    var submitted = JSON.readTree(engine.getTaskService().getVariableLocal(redraft.getId(), "submittedDocuments")
        .toString());
    assertThat(submitted.fieldNames()).toIterable().as("what the redraft form shows under its file inputs")
        .containsExactly("politicalReport");
    assertThat(submitted.get("politicalReport").get("version").asInt()).isEqualTo(2);
    assertThat(submitted.get("politicalReport").get("fileName").asText()).isEqualTo("bao-cao-chinh-tri-v2.pdf");
    assertThat(submitted.get("politicalReport").get("url").asText())
        .isEqualTo("/api/documents/" + documents.ofProcess(congress).get(0).id());
    // the officer leaves the file inputs empty and only corrects the summary, as Tasklist's embedded form sends it
    var officer = HttpUser.webapp(url(), OFFICER, PASSWORD);
    assertThat(officer.engine("POST", "/task/" + redraft.getId() + "/submit-form", """
        {"variables": {"draftSummary": {"value": "Dự thảo đã sửa lỗi chính tả", "type": "String"},
          "politicalReport": {"value": "", "type": "File", "valueInfo": {"filename": ""}},
          "selfReviewReport": {"value": "", "type": "File", "valueInfo": {"filename": ""}}}}""").statusCode())
        .isEqualTo(204);
    FileValue kept = engine.getRuntimeService().getVariableTyped(congress, "politicalReport");
    assertThat(kept.getFilename()).as("an empty file input keeps the file").isEqualTo("bao-cao-chinh-tri-v2.pdf");
    assertThat(kept.getValue().readAllBytes()).isEqualTo(second);
    assertThat(engine.getRuntimeService().getVariable(congress, "selfReviewReport")).as("an optional file left empty")
        .isNull();
    campaign.complete(ORG, "CollectDocumentOpinions");

    assertThat(documents.ofProcess(congress)).as("a redraft adds a version, keeping the file adds none")
        .extracting(Document::variable, Document::version, Document::fileName, Document::uploadedBy)
        .containsExactly(tuple("politicalReport", 2, "bao-cao-chinh-tri-v2.pdf", "system"),
            tuple("politicalReport", 1, "bao-cao-chinh-tri_[v1].pdf", "system"));
    var third = JSON.readTree(engine.getTaskService()
        .getVariable(campaign.task(ORG, "ApproveDocuments").getId(), "documents").toString());
    assertThat(third).extracting(row -> row.get("version").asInt()).containsExactly(2, 1);

    long firstId = documents.ofProcess(congress).get(1).id();
    var reviewer = HttpUser.webapp(url(), STANDING, PASSWORD);
    var download = reviewer.sendForBytes("/api/documents/" + firstId);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).as("the first round's file, after the redraft replaced it").isEqualTo(first);
    assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment")
        .contains("filename*=UTF-8''bao-cao-chinh-tri_%5Bv1%5D.pdf");
    assertThat(HttpUser.basic(url(), OFFICER, PASSWORD).sendForBytes("/api/documents/" + firstId).statusCode())
        .as("the organisation's own staff").isEqualTo(200);

    var stranger = HttpUser.basic(url(), STRANGER, PASSWORD).send("GET", "/api/documents/" + firstId, null, null);
    assertThat(stranger.statusCode()).as("another organisation's staff").isEqualTo(404);
    assertThat(stranger.body()).contains("Không tìm thấy tài liệu");
    assertThat(HttpUser.basic(url(), STRANGER, "sai-mat-khau").send("GET", "/api/documents/" + firstId, null, null)
        .statusCode()).isEqualTo(401);
  }

  @Test
  void refusalsReachTasklistAsTheVietnameseMessageAloneAndChangeNothing() throws Exception {
    campaign.complete(ORG, "PrepareCongressPlan");
    var task = campaign.task(ORG, "DraftPoliticalReport");
    var officer = HttpUser.webapp(url(), OFFICER, PASSWORD);
    var refused = officer.engine("POST", "/task/" + task.getId() + "/submit-form", """
        {"variables": {"draftSummary": {"value": "Dự thảo lần 1", "type": "String"},
          "politicalReport": {"value": "", "type": "File", "valueInfo": {"filename": ""}}}}""");
    assertThat(refused.statusCode()).as("a person's mistake, not a server error").isEqualTo(400);
    String message = JSON.readTree(refused.body()).get("message").asText();
    assertThat(message).isEqualTo("Biểu mẫu \"Soạn thảo báo cáo chính trị và báo cáo kiểm điểm\" chưa hợp lệ: "
        + "Chưa đính kèm tệp dự thảo báo cáo chính trị");
    assertThat(message).doesNotContain(task.getId(), "Cannot", "ENGINE-");
    assertThat(campaign.task(ORG, "DraftPoliticalReport").getId()).as("nothing changed").isEqualTo(task.getId());
    assertThat(engine.getTaskService().getVariable(task.getId(), "draftSummary")).isNull();

    // a step's own rule (the member list's rows), thrown inside the engine, reads the same way
    var members = campaign.task(ORG, "EnterMembers");
    var badRow = officer.engine("POST", "/task/" + members.getId() + "/submit-form", """
        {"variables": {"memberListCsv": {"value": "Nguyễn Văn An,abc,Bí thư,Chi bộ xóm 1", "type": "String"}}}""");
    assertThat(badRow.statusCode()).as(badRow.body()).isEqualTo(400);
    assertThat(JSON.readTree(badRow.body()).get("message").asText())
        .isEqualTo("Danh sách đảng viên có dòng sai, chưa nhập đảng viên nào: Dòng 1: năm sinh 'abc' không phải là số");
    assertThat(campaign.task(ORG, "EnterMembers").getId()).isEqualTo(members.getId());
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteASubmittedVersion() {
    Assumptions.assumeTrue(TestDatabase.isPostgres(), "PostgreSQL, the production database, has the trigger");
    campaign.complete(ORG, "PrepareCongressPlan");
    submitDraft(Map.of("politicalReport", FormSamples.document("bao-cao.pdf")));
    String congress = campaign.congress(ORG).getId();
    assertThatThrownBy(() -> jdbc.update("update cf_document set content = ? where process_instance_id = ?",
        new byte[] {1}, congress)).hasMessageContaining("cf_document is append-only");
    assertThatThrownBy(() -> jdbc.update("delete from cf_document where process_instance_id = ?", congress))
        .hasMessageContaining("cf_document is append-only");
    assertThat(documents.ofProcess(congress)).extracting(Document::fileName).containsExactly("bao-cao.pdf");
  }

  private void submitDraft(Map<String, Object> files) {
    campaign.complete(campaign.task(ORG, "DraftPoliticalReport"), files);
    campaign.complete(ORG, "CollectDocumentOpinions");
  }

  private void user(String id, String group) {
    var identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(id).count() == 0) {
      var user = identity.newUser(id);
      user.setFirstName("Kiểm");
      user.setLastName("Thử");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
    }
    // each test's campaign has groups of its own (its tenant's)
    if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
      identity.createMembership(id, group);
    }
  }

  private String url() {
    return "http://localhost:" + port;
  }
}
