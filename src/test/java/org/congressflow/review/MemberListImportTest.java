package org.congressflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Member lists from CSV and XLSX: every bad row reported by its number, nothing imported when one is bad. */
class MemberListImportTest {

  @Test
  void aGoodCsvListIsImportedWithItsLeaders() {
    var result = MemberListImport.fromCsv("""
        Họ tên,Năm sinh,Chức vụ,Chi bộ
        Nguyễn Văn An,1970,Bí thư chi bộ,Chi bộ xóm 1
        "Trần Thị Bình, Hoa",1985,Đảng viên,Chi bộ xóm 2
        """, 2019);
    assertThat(result.ok()).isTrue();
    assertThat(result.members()).extracting(ReviewMember::name).containsExactly("Nguyễn Văn An", "Trần Thị Bình, Hoa");
    assertThat(result.members()).extracting(ReviewMember::leader).containsExactly(true, false);
  }

  @Test
  void everyBadRowIsReportedAndNothingIsImported() {
    var result = MemberListImport.fromCsv("""
        Họ tên;Năm sinh;Chức vụ;Chi bộ
        Nguyễn Văn An;1970;Bí thư chi bộ;Chi bộ xóm 1
        ;1980;Đảng viên;Chi bộ xóm 1
        Lê Văn Cường;một chín tám mươi;Đảng viên;Chi bộ xóm 2
        Phạm Thị Dung;2005;;Chi bộ xóm 2
        Nguyễn Văn An;1970;Đảng viên;Chi bộ xóm 3
        """, 2019);
    assertThat(result.members()).isEmpty();
    assertThat(result.problems()).containsExactly(
        "Dòng 3: chưa có họ tên",
        "Dòng 4: năm sinh 'một chín tám mươi' không phải là số",
        "Dòng 5: năm sinh 2005 không hợp lệ (từ 1900 đến 2001), chưa có chức vụ",
        "Dòng 6: Nguyễn Văn An (1970) đã có ở dòng trước");
  }

  @Test
  void anXlsxListIsReadFromItsFirstSheetWithRowNumbersAsExcelShowsThem() throws Exception {
    var result = MemberListImport.fromFile("danh-sach.xlsx", xlsx(new Object[][] {
        {"Họ tên", "Năm sinh", "Chức vụ", "Chi bộ"},
        {"Nguyễn Văn An", 1970, "Phó Bí thư", "Chi bộ xóm 1"},
        {"Trần Văn Bảo", "abc", "Đảng viên", ""}}), 2019);
    assertThat(result.problems()).containsExactly("Dòng 3: năm sinh 'abc' không phải là số, chưa có chi bộ");

    var good = MemberListImport.fromFile("danh-sach.xlsx", xlsx(new Object[][] {
        {"Họ tên", "Năm sinh", "Chức vụ", "Chi bộ"},
        {"Nguyễn Văn An", 1970, "Phó Bí thư", "Chi bộ xóm 1"}}), 2019);
    assertThat(good.members()).singleElement().satisfies(m -> {
      assertThat(m.birthYear()).isEqualTo(1970);
      assertThat(m.leader()).isTrue();
    });
  }

  @Test
  void otherFilesAreRefused() {
    assertThat(MemberListImport.fromFile("danh-sach.pdf", "x".getBytes(StandardCharsets.UTF_8), 2019).problems())
        .containsExactly("Tệp \"danh-sach.pdf\": chỉ nhận tệp .csv hoặc .xlsx");
  }

  static byte[] xlsx(Object[][] rows) throws Exception {
    try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
      var sheet = workbook.createSheet("Đảng viên");
      for (int r = 0; r < rows.length; r++) {
        var row = sheet.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          if (rows[r][c] instanceof Number n) {
            row.createCell(c).setCellValue(n.doubleValue());
          } else {
            row.createCell(c).setCellValue((String) rows[r][c]);
          }
        }
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }
}
