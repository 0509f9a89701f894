package org.congressflow.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/** The rows of a district office's spreadsheet, as text, with the row numbers the office sees. */
final class SheetRows {

  /** One row of the sheet; {@code number} counts from 1, as in Excel. */
  record SheetRow(int number, List<String> cells) {
    String cell(int column) {
      return column < 0 || column >= cells.size() ? "" : cells.get(column).trim();
    }

    boolean blank() {
      return cells.stream().allMatch(String::isBlank);
    }
  }

  private SheetRows() {}

  /** Reads the first sheet of an XLSX file, or a CSV file (UTF-8, comma or semicolon separated). */
  static List<SheetRow> read(String fileName, InputStream in) throws IOException {
    return fileName.toLowerCase().endsWith(".csv") ? csv(new String(in.readAllBytes(), StandardCharsets.UTF_8))
        : xlsx(in);
  }

  private static List<SheetRow> xlsx(InputStream in) throws IOException {
    var rows = new ArrayList<SheetRow>();
    var formatter = new DataFormatter();
    try (var workbook = WorkbookFactory.create(in)) {
      for (Row row : workbook.getSheetAt(0)) {
        var cells = new ArrayList<String>();
        for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
          var cell = row.getCell(i);
          cells.add(cell == null ? "" : formatter.formatCellValue(cell));
        }
        rows.add(new SheetRow(row.getRowNum() + 1, cells));
      }
    }
    return rows;
  }

  static List<SheetRow> csv(String text) {
    var rows = new ArrayList<SheetRow>();
    String[] lines = text.replace("\uFEFF", "").split("\r?\n", -1);
    char separator = lines.length > 0 && lines[0].chars().filter(c -> c == ';').count()
        > lines[0].chars().filter(c -> c == ',').count() ? ';' : ',';
    for (int i = 0; i < lines.length; i++) {
      if (i == lines.length - 1 && lines[i].isEmpty()) {
        break;
      }
      rows.add(new SheetRow(i + 1, fields(lines[i], separator)));
    }
    return rows;
  }

  /** One CSV line; fields may be quoted ("a, b"), with "" for a quote inside. */
  private static List<String> fields(String line, char separator) {
    var fields = new ArrayList<String>();
    var field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        field.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == separator && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
