package org.congressflow.review;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads a member list (columns: name, birth year, position, cell; a header row is recognised and skipped) from CSV
 * or XLSX. Every bad row is reported with its row number; a list with any bad row yields no members at all.
 */
final class MemberListImport {

  /** The members read, or every problem found (then no members). */
  record Result(List<ReviewMember> members, List<String> problems) {
    boolean ok() {
      return problems.isEmpty();
    }
  }

  /** One row of the list as text, numbered as the person sees it in the file or the form. */
  record Row(int number, String name, String birthYear, String position, String cell, Boolean leader,
      boolean districtManaged) {}

  private MemberListImport() {}

  static Result fromFile(String fileName, byte[] content, int reviewYear) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".xlsx")) {
      return check(xlsxRows(content), reviewYear);
    }
    if (name.endsWith(".csv") || name.endsWith(".txt")) {
      return check(csvRows(new String(content, StandardCharsets.UTF_8)), reviewYear);
    }
    return new Result(List.of(), List.of("Tệp \"" + fileName + "\": chỉ nhận tệp .csv hoặc .xlsx"));
  }

  static Result fromCsv(String text, int reviewYear) {
    return check(csvRows(text), reviewYear);
  }

  /** Checks every row; a list without rows is a problem too. */
  static Result check(List<Row> rows, int reviewYear) {
    var problems = new ArrayList<String>();
    var members = new ArrayList<ReviewMember>();
    var seen = new HashSet<String>();
    if (rows.isEmpty()) {
      problems.add("Danh sách đảng viên trống");
    }
    for (var row : rows) {
      var own = new ArrayList<String>();
      if (row.name().isBlank()) {
        own.add("chưa có họ tên");
      }
      Integer year = null;
      try {
        year = Integer.parseInt(row.birthYear().trim().replaceAll("\\.0$", ""));
        if (year < 1900 || year > reviewYear - 18) {
          own.add("năm sinh " + year + " không hợp lệ (từ 1900 đến " + (reviewYear - 18) + ")");
        }
      } catch (NumberFormatException e) {
        own.add(row.birthYear().isBlank() ? "chưa có năm sinh" : "năm sinh '" + row.birthYear() + "' không phải là số");
      }
      if (row.position().isBlank()) {
        own.add("chưa có chức vụ");
      }
      if (row.cell().isBlank()) {
        own.add("chưa có chi bộ");
      }
      if (own.isEmpty() && !seen.add(row.name().trim() + "/" + year)) {
        own.add(row.name().trim() + " (" + year + ") đã có ở dòng trước");
      }
      if (!own.isEmpty()) {
        problems.add("Dòng " + row.number() + ": " + String.join(", ", own));
      } else {
        boolean leader = row.leader() == null ? ReviewMember.leads(row.position()) : row.leader();
        members.add(new ReviewMember(row.name().trim(), year, row.position().trim(), row.cell().trim(), leader,
            row.districtManaged(), false, "", ""));
      }
    }
    return problems.isEmpty() ? new Result(members, List.of()) : new Result(List.of(), problems);
  }

  static List<Row> csvRows(String text) {
    var rows = new ArrayList<Row>();
    String[] lines = text.replace("\uFEFF", "").split("\\r?\\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank() || (i == 0 && isHeader(lines[i]))) {
        continue;
      }
      rows.add(row(i + 1, splitCsv(lines[i])));
    }
    return rows;
  }

  static List<Row> xlsxRows(byte[] content) {
    var rows = new ArrayList<Row>();
    var format = new DataFormatter(Locale.ROOT);
    try (var workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
      var sheet = workbook.getSheetAt(0);
      for (var sheetRow : sheet) {
        var cells = new ArrayList<String>();
        for (int c = 0; c < 4; c++) {
          var cell = sheetRow.getCell(c);
          cells.add(cell == null ? "" : format.formatCellValue(cell));
        }
        boolean blank = cells.stream().allMatch(String::isBlank);
        if (blank || (sheetRow.getRowNum() == 0 && isHeader(String.join(",", cells)))) {
          continue;
        }
        rows.add(row(sheetRow.getRowNum() + 1, cells));
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("Tệp XLSX không đọc được: " + e.getMessage(), e);
    }
    return rows;
  }

  private static Row row(int number, List<String> cells) {
    return new Row(number, cell(cells, 0), cell(cells, 1), cell(cells, 2), cell(cells, 3), null, false);
  }

  private static String cell(List<String> cells, int index) {
    return index < cells.size() ? cells.get(index).trim() : "";
  }

  private static boolean isHeader(String line) {
    String l = line.toLowerCase(Locale.forLanguageTag("vi"));
    return l.contains("họ") || l.contains("name") || l.contains("năm sinh");
  }

  /** Comma or semicolon separated, with "quoted, values". */
  private static List<String> splitCsv(String line) {
    char separator = line.contains(";") && !line.contains(",") ? ';' : ',';
    var cells = new ArrayList<String>();
    var current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          current.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == separator && !quoted) {
        cells.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    cells.add(current.toString());
    return cells;
  }
}
