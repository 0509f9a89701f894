package org.congressflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.congressflow.decision.Decision;
import org.congressflow.decision.DecisionRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.congressflow.support.Browser;
import org.congressflow.support.FormSamples;
import org.congressflow.support.RunningDemoApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The story in a real headless Chromium, in Vietnamese: the Khánh Trung officer sees only Khánh Trung's
 * work, is told about a bad plan number, drafts the political report with the file attached; the standing
 * committee reads the file and sends it back with a comment; the officer sees the comment and the submitted file,
 * keeps the file and revises the summary; the standing committee approves round 2; a manager opens the congress
 * in Cockpit.
 */
@ExtendWith(Browser.class)
class TasklistAndCockpitBrowserTest extends RunningDemoApp {

  private static final String PLAN_TASK = "Xây dựng kế hoạch đại hội và thành lập các tiểu ban";
  private static final String REPORT_TASK = "Soạn thảo báo cáo chính trị và báo cáo kiểm điểm";
  private static final String GATE_TASK = "Cho ý kiến văn kiện đại hội";
  private static final String WORKS_TASK = "Đăng ký công trình chào mừng đại hội";

  @Autowired ProcessEngine engine;
  @Autowired DecisionRecord decisions;

  @Test
  void officerDraftsTheReportWithItsFileAndTheStandingCommitteeApprovesIt() throws Exception {
    var officer = Browser.open();
    officer.logIn(url(""), "tasklist", "khanh-trung-officer", PASSWORD);
    officer.waitForText(PLAN_TASK);
    officer.waitForText("Đảng bộ xã Khánh Trung"); // the filter shows the organisation of each task
    assertThat(officer.pageText()).contains("Việc của đơn vị", "Đảng bộ xã Khánh Trung")
        .doesNotContain("Khánh An", "Khánh Công", "Yên Ninh", "Camunda 8");

    open(officer, PLAN_TASK);
    var planNumber = officer.waitFor(By.cssSelector("input[id$='Field_PrepareCongressPlanPlannumber']"));
    String tenant = engine.getTaskService().createTaskQuery().taskDefinitionKey("PrepareCongressPlan").list().get(0)
        .getTenantId();
    assertThat(tenant).as("the campaign's tenant").isNotBlank();
    assertThat(officer.pageText()).as("the task's header shows no raw tenant id").doesNotContain(tenant);
    planNumber.sendKeys("kế hoạch 1", Keys.TAB);
    officer.waitForText("Giá trị phải đúng mẫu");
    // form-js's own message, put into Vietnamese; the server's refusal names the field in Vietnamese too
    planNumber.sendKeys(Keys.chord(Keys.CONTROL, "a"), "01-KH/ĐU", Keys.TAB);
    completeAs("khanh-trung", "PrepareCongressPlan", "khanh-trung-officer");

    officer.driver().get(url("/camunda/app/tasklist/default/"));
    officer.waitForText(REPORT_TASK);
    open(officer, REPORT_TASK);
    Path report = Files.createTempFile("du-thao-bao-cao-chinh-tri", ".pdf");
    Files.writeString(report, "%PDF-1.4 Dự thảo báo cáo chính trị");
    officer.waitFor(By.id("politicalReport")).sendKeys(report.toAbsolutePath().toString());
    officer.driver().findElement(By.id("draftSummary")).sendKeys("Dự thảo lần 1, đã lấy ý kiến chi bộ");
    completeForm(officer);
    waitUntilTaskIs("khanh-trung", "CollectDocumentOpinions");
    FileValue attached = engine.getRuntimeService().getVariableTyped(congress("khanh-trung"), "politicalReport");
    assertThat(attached.getFilename()).startsWith("du-thao-bao-cao-chinh-tri");

    completeAs("khanh-trung", "CollectDocumentOpinions", "khanh-trung-secretary");
    var standingCommittee = Browser.open();
    standingCommittee.logIn(url(""), "tasklist", "standing-committee-member", PASSWORD);
    standingCommittee.waitForClickable(By.xpath("//a[contains(., 'Chờ phê duyệt')]")).click();
    standingCommittee.waitForText(GATE_TASK);
    open(standingCommittee, GATE_TASK);
    // the reviewer reads what they approve: the submitted file is a link that downloads it
    standingCommittee.waitForText("Tài liệu trình duyệt");
    var link = standingCommittee.waitFor(By.xpath("//a[starts-with(@href, '/api/documents/')]"));
    assertThat(link.getText()).startsWith("du-thao-bao-cao-chinh-tri");
    assertThat(standingCommittee.pageText()).contains("Dự thảo báo cáo chính trị, lần nộp 1");
    Object status = ((JavascriptExecutor) standingCommittee.driver()).executeAsyncScript(
        "var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.arrayBuffer()"
            + ".then(b => done(r.status + ' ' + b.byteLength)))", link.getAttribute("href"));
    assertThat(status).as("the link downloads the file with the reviewer's session")
        .isEqualTo("200 " + Files.size(report));
    standingCommittee.screenshot("gate-shows-the-documents");
    standingCommittee.waitForClickable(By.xpath("//label[contains(., 'Trả lại')]")).click();
    standingCommittee.waitFor(By.cssSelector("textarea[id$='Field_DecideGateComment']"))
        .sendKeys("Bổ sung phương hướng nhiệm kỳ 2020 - 2025");
    completeForm(standingCommittee);
    waitUntilTaskIs("khanh-trung", "DraftPoliticalReport");

    // the redraft: the officer reads the comment and the file of round 1, keeps the file and revises the summary
    openTask(officer, "khanh-trung", "DraftPoliticalReport");
    officer.waitForText("Bổ sung phương hướng nhiệm kỳ 2020 - 2025");
    var previous = officer.waitFor(By.id("politicalReport-submitted"));
    assertThat(previous.getText()).startsWith("Đã nộp lần 1: du-thao-bao-cao-chinh-tri")
        .contains("Để trống để giữ tệp này");
    assertThat(previous.findElement(By.tagName("a")).getAttribute("href")).contains("/api/documents/");
    officer.screenshot("redraft-shows-the-comment-and-the-file");
    var summary = officer.driver().findElement(By.id("draftSummary"));
    summary.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Dự thảo lần 2, đã bổ sung phương hướng nhiệm kỳ");
    completeForm(officer);
    waitUntilTaskIs("khanh-trung", "CollectDocumentOpinions");
    FileValue kept = engine.getRuntimeService().getVariableTyped(congress("khanh-trung"), "politicalReport");
    assertThat(kept.getFilename()).as("the empty file input kept the file").isEqualTo(attached.getFilename());

    completeAs("khanh-trung", "CollectDocumentOpinions", "khanh-trung-secretary");
    openTask(standingCommittee, "khanh-trung", "DecideGate");
    standingCommittee.waitForText("Dự thảo báo cáo chính trị, lần nộp 1");
    assertThat(standingCommittee.pageText()).doesNotContain("lần nộp 2").contains("Bổ sung phương hướng nhiệm kỳ");
    standingCommittee.waitForClickable(By.xpath("//label[contains(., 'Chấp thuận')]")).click();
    completeForm(standingCommittee);
    waitUntilTaskIs("khanh-trung", "HoldFirstStandingCommitteeMeeting");
    assertThat(decisions.ofProcess(congress("khanh-trung"))).extracting(Decision::step, Decision::decision,
        Decision::round, Decision::decidedBy).containsExactly(
            tuple("ApproveDocuments", "sendBack", 1, "standing-committee-member"),
            tuple("ApproveDocuments", "approve", 2, "standing-committee-member"));
  }

  @Test
  void anOfficerEntersTwoWorksRowByRowWithDayFirstDatesEvenFromAnEnglishBrowser() throws Exception {
    LocalDate first = dayFirstDateAfter(LocalDate.now().plusDays(30));
    LocalDate second = dayFirstDateAfter(first.plusDays(20));
    var officer = Browser.open("en");
    officer.logIn(url(""), "tasklist", "khanh-cong-officer", PASSWORD);
    officer.waitForText(WORKS_TASK);
    open(officer, WORKS_TASK);
    var date = officer.waitFor(By.cssSelector(".fjs-form-field-datetime input"));
    assertThat(date.getAttribute("placeholder")).isEqualTo("dd/mm/yyyy");
    fillWork(officer, 0, "Nhà văn hóa thôn Đông", first, "Đại hội của tổ chức mình");
    officer.waitForClickable(By.xpath("//button[contains(normalize-space(.), 'Thêm dòng')]")).click();
    fillWork(officer, 1, "Đường liên thôn Khánh Công", second, "Đại hội Đảng bộ huyện");
    assertThat(officer.pageText()).doesNotContain("Add new", "Select", "mm/dd/yyyy");
    officer.screenshot("works-two-rows");
    completeForm(officer);
    waitUntilTaskIs("khanh-cong", "ApproveWorksList");

    var instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("welcoming-works")
        .processInstanceBusinessKey("khanh-cong").singleResult();
    JsonNode works = new ObjectMapper().readTree(
        engine.getRuntimeService().getVariableTyped(instance.getId(), "works").getValue().toString());
    assertThat(works).extracting(row -> row.get("name").asText(), row -> row.get("expectedCompletion").asText(),
        row -> row.get("welcomes").asText()).containsExactly(
            tuple("Nhà văn hóa thôn Đông", first.toString(), "own"),
            tuple("Đường liên thôn Khánh Công", second.toString(), "district"));
  }

  /** A date whose day is 12 or less and not its month, so that day-first and month-first read it differently. */
  private static LocalDate dayFirstDateAfter(LocalDate day) {
    LocalDate date = day;
    while (date.getDayOfMonth() > 12 || date.getDayOfMonth() == date.getMonthValue()) {
      date = date.plusDays(1);
    }
    return date;
  }

  private static void fillWork(Browser browser, int row, String name, LocalDate expected, String welcomes) {
    var rows = browser.driver().findElements(By.cssSelector(".fjs-repeat-row-container"));
    var fields = rows.get(row);
    fields.findElements(By.cssSelector(".fjs-form-field-textfield input")).get(0).sendKeys(name);
    fields.findElements(By.cssSelector(".fjs-form-field-textfield input")).get(1).sendKeys("văn hóa");
    fields.findElements(By.cssSelector(".fjs-form-field-textfield input")).get(2).sendKeys("xã Khánh Công");
    fields.findElement(By.cssSelector(".fjs-form-field-number input")).sendKeys("500000000");
    fields.findElement(By.cssSelector(".fjs-form-field-datetime input"))
        .sendKeys(expected.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")), Keys.ENTER); // read, calendar closed
    if (fields.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty()) {
      fields.findElement(By.cssSelector(".fjs-select-display")).click();
    }
    fields.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .filter(item -> item.getText().trim().equals(welcomes)).findFirst().orElseThrow().click();
  }

  @Test
  void managerOpensACongressInCockpitInVietnameseEvenFromAnEnglishBrowser() throws Exception {
    String instance = congress("khanh-an");
    var manager = Browser.open("en");
    manager.logIn(url(""), "cockpit", "manager", PASSWORD);
    manager.waitForText("Quy trình");
    assertThat(manager.pageText()).as("no English, no advice to migrate to Camunda 8")
        .doesNotContain("Processes", "Camunda 8");
    assertThat(manager.driver().findElements(By.cssSelector(".ce-eol-banner")))
        .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
    manager.driver().get(url("/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime"));
    manager.waitFor(By.cssSelector(".djs-container"));
    manager.waitForText(instance);
    manager.waitFor(By.cssSelector("[data-element-id='PrepareCongressPlan']"));
    new WebDriverWait(manager.driver(), Duration.ofSeconds(30)) // the variables, with edit buttons for those who may
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("td.actions button")));
    assertThat(manager.driver().findElements(By.cssSelector(".btn-toolbar, td.actions button")))
        .as("a reader sees no button to cancel, suspend or change the congress").isNotEmpty()
        .allSatisfy(button -> assertThat(button.isDisplayed()).isFalse());
    assertThat(manager.pageText()).doesNotContain("Actions");
    manager.screenshot("cockpit-read-only");
  }

  private static void open(Browser browser, String taskName) {
    browser.waitForClickable(By.xpath("//a[contains(normalize-space(.), '" + taskName + "')]")).click();
    browser.waitForClickable(By.cssSelector("button.claim")).click();
    browser.waitFor(By.cssSelector(".unclaim")); // claimed: the form is now editable
  }

  /**
   * Opens a task by its link, as a notification or a colleague's message gives it, and claims it unless it is
   * assigned already (a gate's task is in the approval gate the congress called, under the congress's business
   * key).
   */
  private void openTask(Browser browser, String organisationId, String taskKey) {
    var task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(organisationId)
        .taskDefinitionKey(taskKey).singleResult();
    browser.driver().get("about:blank"); // a new page load, not only a new fragment of the page already open
    browser.driver().get(url("/camunda/app/tasklist/default/#/?task=" + task.getId()));
    browser.waitFor(By.cssSelector("button.claim, .unclaim"));
    if (task.getAssignee() == null) {
      browser.waitForClickable(By.cssSelector("button.claim")).click();
    }
    browser.waitFor(By.cssSelector(".unclaim"));
  }

  private static void completeForm(Browser browser) {
    var complete = browser.waitForClickable(By.xpath("//button[contains(normalize-space(.), 'Hoàn thành')]"));
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", complete);
    complete.click();
  }

  private void completeAs(String organisationId, String taskKey, String user) {
    var task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(organisationId)
        .taskDefinitionKey(taskKey).singleResult();
    engine.getTaskService().complete(task.getId(), FormSamples.forTask(taskKey, Map.of()));
  }

  private void waitUntilTaskIs(String organisationId, String taskKey) throws InterruptedException {
    for (int attempt = 0; attempt < 100; attempt++) {
      if (engine.getTaskService().createTaskQuery().processInstanceBusinessKey(organisationId)
          .taskDefinitionKey(taskKey).count() == 1) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(organisationId + " never reached " + taskKey);
  }

  private String congress(String organisationId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("base-congress")
        .processInstanceBusinessKey(organisationId).singleResult().getId();
  }
}
