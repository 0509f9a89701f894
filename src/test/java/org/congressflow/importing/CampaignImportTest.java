package org.congressflow.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.congressflow.campaign.CampaignDefinition;
import org.congressflow.campaign.CampaignFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A district office's organisation list becomes a campaign file, or a list of its bad rows and nothing else. */
class CampaignImportTest {

  static final Path YEN_KHANH = Path.of("config/campaigns/yen-khanh-2020-2025.yaml");
  static final Object[] HEADER = {"STT", "Tổ chức cơ sở đảng", "Loại", "Khối", "Số đảng viên", "Chi bộ trực thuộc",
      "Số đảng viên chi bộ"};

  private final CampaignDefinition template = new CampaignFileReader().read(YEN_KHANH);

  @Test
  void goodSpreadsheetBecomesAValidCampaignFile() throws Exception {
    byte[] xlsx = xlsx(List.of(
        new Object[] {"DANH SÁCH TỔ CHỨC CƠ SỞ ĐẢNG HUYỆN YÊN KHÁNH"},
        HEADER,
        new Object[] {1, "Đảng bộ xã Khánh Trung", "Đảng bộ cơ sở", "xã", 380, "Chi bộ xóm 1", 60},
        new Object[] {"", "", "", "", "", "Chi bộ xóm 2", 55},
        new Object[] {2, "Đảng bộ thị trấn Yên Ninh", "Đảng bộ cơ sở", "thị trấn", 412, "Chi bộ phố 1", 52},
        new Object[] {},
        new Object[] {3, "Chi bộ Trường THPT Yên Khánh A", "Chi bộ cơ sở", "trường học", 35}));
    var percents = new ArrayList<Integer>();

    var outcome = CampaignImport.run(template, "danh-sach.xlsx", new ByteArrayInputStream(xlsx), percents::add);

    assertThat(outcome.problems()).isEmpty();
    assertThat(percents).isSorted().last().isEqualTo(100);
    var campaign = new CampaignFileReader().parse(outcome.yaml(), "imported");
    assertThat(campaign.id()).isEqualTo(template.id());
    assertThat(campaign.illustrativeCounts()).as("real counts now").isFalse();
    assertThat(campaign.deadlines()).isEqualTo(template.deadlines());
    assertThat(campaign.organisationList()).extracting(CampaignDefinition.Organisation::id)
        .containsExactly("khanh-trung", "yen-ninh", "truong-thpt-yen-khanh-a");
    var khanhTrung = campaign.organisation("khanh-trung").orElseThrow();
    assertThat(khanhTrung.members()).isEqualTo(380);
    assertThat(khanhTrung.kind()).isEqualTo("commune");
    assertThat(khanhTrung.cellList()).extracting(CampaignDefinition.Cell::id, CampaignDefinition.Cell::name,
        CampaignDefinition.Cell::members).containsExactly(
            org.assertj.core.groups.Tuple.tuple("khanh-trung-cb-01", "Chi bộ xóm 1", 60),
            org.assertj.core.groups.Tuple.tuple("khanh-trung-cb-02", "Chi bộ xóm 2", 55));
    var school = campaign.organisation("truong-thpt-yen-khanh-a").orElseThrow();
    assertThat(school.type()).isEqualTo("base-cell");
    assertThat(school.kind()).isEqualTo("school");
    assertThat(outcome.organisations()).isEqualTo(3);
    assertThat(outcome.cells()).isEqualTo(3);
  }

  @Test
  void csvWithSemicolonsIsReadLikeTheSpreadsheet() throws Exception {
    String csv = """
        STT;Tổ chức cơ sở đảng;Loại;Khối;Số đảng viên;Chi bộ trực thuộc;Số đảng viên chi bộ
        1;Đảng bộ xã Khánh Trung;Đảng bộ cơ sở;xã;380;Chi bộ xóm 1;60
        2;Đảng bộ Công an huyện;Đảng bộ cơ sở;công an;90;"Chi bộ Cảnh sát; điều tra";40
        """;

    var outcome = CampaignImport.run(template, "danh-sach.csv",
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), p -> { });

    assertThat(outcome.problems()).isEmpty();
    var campaign = new CampaignFileReader().parse(outcome.yaml(), "imported");
    assertThat(campaign.organisation("cong-an-huyen").orElseThrow().cellList().get(0).name())
        .isEqualTo("Chi bộ Cảnh sát; điều tra");
  }

  @Test
  void brokenSpreadsheetGivesEveryBadRowAndNoFile() throws Exception {
    byte[] xlsx = xlsx(List.of(
        HEADER,
        new Object[] {"", "", "", "", "", "Chi bộ mồ côi", 10},
        new Object[] {1, "Đảng bộ xã Khánh Trung", "Đảng bộ cơ sở", "xã", 380, "Chi bộ xóm 1", 60},
        new Object[] {2, "Đảng bộ xã Khánh An", "Đảng bộ", "xã", "năm trăm", "Chi bộ xóm 1", 75},
        new Object[] {"", "", "", "", "", "Chi bộ xóm 2", -3},
        new Object[] {3, "Đảng bộ xã Khánh Hội", "Đảng bộ cơ sở", "phường", 200},
        new Object[] {4, "Đảng bộ xã Khánh Trung", "Đảng bộ cơ sở", "xã", 100, "Chi bộ xóm 9", 150}));

    var outcome = CampaignImport.run(template, "hong.xlsx", new ByteArrayInputStream(xlsx), p -> { });

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.yaml()).isNull();
    assertThat(outcome.problems()).containsExactly(
        "Dòng 2: chi bộ trực thuộc nằm trước mọi tổ chức cơ sở đảng",
        "Dòng 4: Loại 'Đảng bộ' không hợp lệ (một trong: Đảng bộ cơ sở, Chi bộ cơ sở)",
        "Dòng 4: Số đảng viên phải là số nguyên dương, không phải 'năm trăm'",
        "Dòng 5: Số đảng viên chi bộ phải là số nguyên dương, không phải '-3'",
        "Dòng 6: Khối 'phường' không hợp lệ (một trong: xã, thị trấn, cơ quan, công an, quân sự, trường học, doanh nghiệp)",
        "Dòng 6: Đảng bộ cơ sở 'Đảng bộ xã Khánh Hội' chưa có chi bộ trực thuộc nào",
        "Dòng 7: trùng tên với tổ chức ở dòng 3 ('Đảng bộ xã Khánh Trung')",
        "Dòng 7: các chi bộ trực thuộc có 150 đảng viên, nhiều hơn 100 đảng viên của 'Đảng bộ xã Khánh Trung'");
  }

  @Test
  void campaignRulesBrokenByTheListAreReportedToo() throws Exception {
    byte[] xlsx = xlsx(List.of(HEADER,
        new Object[] {1, "Đảng bộ xã Khánh An", "Đảng bộ cơ sở", "xã", 520, "Chi bộ xóm 1", 75}));

    var outcome = CampaignImport.run(template, "khong-co-diem.xlsx", new ByteArrayInputStream(xlsx), p -> { });

    assertThat(outcome.problems()).containsExactly(
        "pilot.organisation: unknown organisation 'khanh-trung'");
  }

  @Test
  void commandWritesTheFileOnlyWhenEveryRowIsGood(@TempDir Path folder) throws Exception {
    Path good = folder.resolve("tot.csv");
    Files.writeString(good, "STT,Tổ chức cơ sở đảng,Loại,Khối,Số đảng viên,Chi bộ trực thuộc,Số đảng viên chi bộ\n"
        + "1,Đảng bộ xã Khánh Trung,Đảng bộ cơ sở,xã,380,Chi bộ xóm 1,60\n");
    Path bad = folder.resolve("hong.csv");
    Files.writeString(bad, Files.readString(good) + "2,Đảng bộ xã Khánh An,Đảng bộ cơ sở,xã,0,Chi bộ xóm 1,60\n");

    assertThat(ImportCommand.run(new String[] {"--import-organisations=" + good, "--template=" + YEN_KHANH,
        "--output=" + folder.resolve("tot.yaml")})).isZero();
    assertThat(new CampaignFileReader().read(folder.resolve("tot.yaml")).organisationList()).hasSize(1);

    assertThat(ImportCommand.run(new String[] {"--import-organisations=" + bad, "--template=" + YEN_KHANH,
        "--output=" + folder.resolve("hong.yaml")})).isEqualTo(1);
    assertThat(folder.resolve("hong.yaml")).doesNotExist();
  }

  static byte[] xlsx(List<Object[]> rows) throws Exception {
    try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
      var sheet = workbook.createSheet("Danh sách");
      for (int r = 0; r < rows.size(); r++) {
        var row = sheet.createRow(r);
        for (int c = 0; c < rows.get(r).length; c++) {
          Object value = rows.get(r)[c];
          if (value instanceof Number n) {
            row.createCell(c).setCellValue(n.doubleValue());
          } else {
            row.createCell(c).setCellValue((String) value);
          }
        }
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }
}
