package org.congressflow.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.support.CongressFlowWebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The progress API and its XLSX report: a login is needed, and each user sees what its organisation may. */
@CongressFlowWebTest
class ProgressApiTest {

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  @LocalServerPort int port;
  DashboardFixture fixture;

  @BeforeEach
  void campaign() {
    fixture = new DashboardFixture(engine, launcher, port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void progressNeedsALogin() throws Exception {
    var anonymous = fixture.get(fixture.progressPath(), null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    assertThat(fixture.get(fixture.progressPath(), "nobody-" + fixture.campaign.id()).statusCode()).isEqualTo(401);
    assertThat(fixture.get("/api/campaigns/" + fixture.campaign.id() + "/progress.xlsx", null).statusCode())
        .isEqualTo(401);
  }

  @Test
  void standingCommitteeSeesEveryOrganisationAndTheLateCells() throws Exception {
    JsonNode progress = fixture.json(fixture.progressPath(), fixture.standingCommitteeMember);

    assertThat(progress.get("seesAll").asBoolean()).isTrue();
    assertThat(ids(progress.get("organisations")))
        .containsExactly(fixture.campaign.district().id(), "khanh-trung", "khanh-an", "khanh-hoa");
    assertCounts(progress, "cell", 4, 2, 0, 0, 2);
    assertCounts(progress, "base", 3, 0, 2, 1, 0);
    assertCounts(progress, "district", 1, 0, 1, 0, 0);
    JsonNode khanhAn = organisation(progress, "khanh-an");
    assertThat(khanhAn.get("step").asText()).isEqualTo("Soạn thảo báo cáo chính trị và báo cáo kiểm điểm");
    assertThat(khanhAn.get("cells").get("overdue").asInt()).isEqualTo(2);
    assertThat(khanhAn.get("tasklistUrl").asText()).startsWith("/camunda/app/tasklist/default/#/?task=");
    assertThat(khanhAn.get("cockpitUrl").asText()).contains(khanhAn.get("processInstanceId").asText());
    assertThat(organisation(progress, "khanh-trung").get("status").asText()).as("due 20/04/2020").isEqualTo("dueSoon");
    assertThat(progress.get("pilot").get("lessonsPublished").asBoolean()).isFalse();

    JsonNode detail = fixture.json("/api/campaigns/" + fixture.campaign.id() + "/organisations/khanh-an",
        fixture.standingCommitteeMember);
    assertThat(ids(detail.get("cells"))).containsExactly("khanh-an-cb-01", "khanh-an-cb-02", "khanh-an-cb-03");
    assertThat(detail.get("cells").get(1).get("daysLate").asInt()).as("due 31/03/2020, today 10/04/2020").isEqualTo(10);
    assertThat(detail.get("cells").get(1).get("status").asText()).isEqualTo("overdue");
  }

  @Test
  void communeOfficerSeesItselfAndItsCellsOnly() throws Exception {
    JsonNode progress = fixture.json(fixture.progressPath(), fixture.khanhAnOfficer);

    assertThat(progress.get("seesAll").asBoolean()).isFalse();
    assertThat(ids(progress.get("organisations")))
        .containsExactly("khanh-an", "khanh-an-cb-01", "khanh-an-cb-02", "khanh-an-cb-03");
    assertCounts(progress, "cell", 3, 1, 0, 0, 2);
    assertCounts(progress, "base", 1, 0, 1, 0, 0);
    assertCounts(progress, "district", 0, 0, 0, 0, 0);
    String organisations = "/api/campaigns/" + fixture.campaign.id() + "/organisations/";
    assertThat(fixture.get(organisations + "khanh-an-cb-02", fixture.khanhAnOfficer).statusCode()).isEqualTo(200);
    assertThat(fixture.get(organisations + "khanh-trung", fixture.khanhAnOfficer).statusCode()).isEqualTo(403);
    assertThat(fixture.get(organisations + "khanh-trung-cb-01", fixture.khanhAnOfficer).statusCode()).isEqualTo(403);
    assertThat(fixture.get(organisations + fixture.campaign.district().id(), fixture.khanhAnOfficer).statusCode())
        .isEqualTo(403);
  }

  @Test
  void organisationsComeInPagesInTheOrderOfTheCampaignFileWithTheCountsOfTheWholeCampaign() throws Exception {
    JsonNode first = fixture.json(fixture.progressPath() + "?page=0&size=2", fixture.standingCommitteeMember);
    JsonNode second = fixture.json(fixture.progressPath() + "?page=1&size=2", fixture.standingCommitteeMember);
    JsonNode beyond = fixture.json(fixture.progressPath() + "?page=2&size=2", fixture.standingCommitteeMember);

    assertThat(ids(first.get("organisations"))).containsExactly(fixture.campaign.district().id(), "khanh-trung");
    assertThat(ids(second.get("organisations"))).containsExactly("khanh-an", "khanh-hoa");
    assertThat(beyond.get("organisations")).isEmpty();
    assertThat(second.get("page").get("number").asInt()).isEqualTo(1);
    assertThat(second.get("page").get("total").asLong()).as("district and base congresses").isEqualTo(4);
    assertCounts(second, "cell", 4, 2, 0, 0, 2);
    assertCounts(second, "base", 3, 0, 2, 1, 0);
    assertThat(organisation(second, "khanh-an").get("cells").get("overdue").asInt()).isEqualTo(2);

    JsonNode officer = fixture.json(fixture.progressPath() + "?page=1&size=3", fixture.khanhAnOfficer);
    assertThat(ids(officer.get("organisations"))).as("the rest of its cells, nothing of others")
        .containsExactly("khanh-an-cb-03");
    assertThat(officer.get("page").get("total").asLong()).isEqualTo(4);
  }

  @Test
  void reportIsAnXlsxWithOneSheetPerLevelAndVietnameseHeadersAndDates() throws Exception {
    var response = fixture.get("/api/campaigns/" + fixture.campaign.id() + "/progress.xlsx",
        fixture.standingCommitteeMember);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
        v -> assertThat(v).contains("tien-do-" + fixture.campaign.id() + "-2020-04-10.xlsx"));

    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
      assertThat(List.of(workbook.getSheetAt(0).getSheetName(), workbook.getSheetAt(1).getSheetName(),
          workbook.getSheetAt(2).getSheetName()))
          .containsExactly("Đảng bộ huyện", "Tổ chức cơ sở đảng", "Chi bộ trực thuộc");
      Sheet cells = workbook.getSheet("Chi bộ trực thuộc");
      assertThat(text(cells, 0, 0)).contains("ngày 10/04/2020");
      assertThat(row(cells, 1)).containsExactly("STT", "Tổ chức đảng", "Trực thuộc", "Bước hiện tại", "Hạn hoàn thành",
          "Tình trạng", "Số ngày trễ", "Ngày bắt đầu", "Ngày hoàn thành");
      assertThat(cells.getLastRowNum()).as("title, header and four cells").isEqualTo(5);
      assertThat(row(cells, 4)).containsExactly("3", "Chi bộ số 2 - Đảng bộ khanh-an", "Đảng bộ khanh-an",
          "Xây dựng kế hoạch đại hội chi bộ", "31/03/2020", "Quá hạn", "10", "20/11/2019", "");
      assertThat(cells.getRow(4).getCell(4).getLocalDateTimeCellValue().toLocalDate())
          .as("a real date, not text").isEqualTo(LocalDate.of(2020, 3, 31));
      assertThat(row(cells, 3)).contains("Đã hoàn thành", "20/03/2020");
      Sheet base = workbook.getSheet("Tổ chức cơ sở đảng");
      assertThat(List.of(text(base, 2, 1), text(base, 3, 1), text(base, 4, 1)))
          .containsExactly("Đảng bộ khanh-trung", "Đảng bộ khanh-an", "Đảng bộ khanh-hoa");
      assertThat(text(base, 2, 5)).isEqualTo("Sắp đến hạn");
    }

    var commune = fixture.get("/api/campaigns/" + fixture.campaign.id() + "/progress.xlsx", fixture.khanhAnOfficer);
    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(commune.body()))) {
      assertThat(workbook.getSheet("Tổ chức cơ sở đảng").getLastRowNum()).as("only Khánh An").isEqualTo(2);
      assertThat(workbook.getSheet("Chi bộ trực thuộc").getLastRowNum()).as("its three cells").isEqualTo(4);
      assertThat(workbook.getSheet("Đảng bộ huyện").getLastRowNum()).isEqualTo(1);
    }
  }

  private static void assertCounts(JsonNode progress, String level, int total, int done, int inProgress, int dueSoon,
      int overdue) {
    JsonNode counts = null;
    for (JsonNode c : progress.get("counts")) {
      if (c.get("level").asText().equals(level)) {
        counts = c;
      }
    }
    assertThat(counts).as(level).isNotNull();
    assertThat(List.of(counts.get("total").asInt(), counts.get("done").asInt(), counts.get("inProgress").asInt(),
        counts.get("dueSoon").asInt(), counts.get("overdue").asInt())).as("counts of %s", level)
        .containsExactly(total, done, inProgress, dueSoon, overdue);
  }

  private static JsonNode organisation(JsonNode progress, String id) {
    for (JsonNode org : progress.get("organisations")) {
      if (org.get("organisationId").asText().equals(id)) {
        return org;
      }
    }
    throw new AssertionError("no " + id);
  }

  private static List<String> ids(JsonNode organisations) {
    var ids = new ArrayList<String>();
    organisations.forEach(o -> ids.add(o.get("organisationId").asText()));
    return ids;
  }

  private static List<String> row(Sheet sheet, int row) {
    var values = new ArrayList<String>();
    for (int i = 0; i < ProgressWorkbook.HEADERS.size(); i++) {
      values.add(text(sheet, row, i));
    }
    return values;
  }

  private static String text(Sheet sheet, int row, int column) {
    var cell = sheet.getRow(row).getCell(column);
    return cell == null ? "" : new DataFormatter().formatCellValue(cell);
  }
}
