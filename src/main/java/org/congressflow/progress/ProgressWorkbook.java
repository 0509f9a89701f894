package org.congressflow.progress;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.congressflow.campaign.CampaignDefinition;
import org.congressflow.progress.ProgressView.OrganisationView;

/**
 * The weekly progress report as an XLSX file: one sheet per level (district, base, cells), a title row, the
 * Vietnamese headers, one row per congress, dates as real dates shown dd/MM/yyyy. Streams, so a campaign with
 * tens of thousands of cells does not sit in memory.
 */
final class ProgressWorkbook {

  static final String DATE_FORMAT = "dd/MM/yyyy";
  static final List<String> HEADERS = List.of("STT", "Tổ chức đảng", "Trực thuộc", "Bước hiện tại", "Hạn hoàn thành",
      "Tình trạng", "Số ngày trễ", "Ngày bắt đầu", "Ngày hoàn thành");
  private static final List<String> SHEET_LEVELS = List.of("district", "base", "cell");
  private static final int[] WIDTHS = {6, 45, 32, 50, 14, 16, 11, 14, 16};

  private ProgressWorkbook() {}

  static void write(CampaignDefinition campaign, List<OrganisationView> rows, LocalDate today, OutputStream out)
      throws IOException {
    Map<String, String> baseNames = new HashMap<>();
    campaign.organisationList().forEach(org -> baseNames.put(org.id(), org.name()));
    try (var workbook = new SXSSFWorkbook(200)) {
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat(DATE_FORMAT));
      CellStyle bold = workbook.createCellStyle();
      var font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      for (String level : SHEET_LEVELS) {
        Sheet sheet = workbook.createSheet(ProgressView.levelName(level));
        for (int i = 0; i < WIDTHS.length; i++) {
          sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        var title = sheet.createRow(0).createCell(0);
        title.setCellValue("Tiến độ đại hội - " + campaign.name() + " - "
            + ProgressView.levelName(level) + " - ngày " + today.format(DateTimeFormatter.ofPattern(DATE_FORMAT)));
        title.setCellStyle(bold);
        Row header = sheet.createRow(1);
        for (int i = 0; i < HEADERS.size(); i++) {
          header.createCell(i).setCellValue(HEADERS.get(i));
          header.getCell(i).setCellStyle(bold);
        }
        int number = 0;
        for (var org : rows) {
          if (level.equals(org.level())) {
            number++;
            row(sheet.createRow(number + 1), number, org, superiorName(campaign, baseNames, org), date);
          }
        }
        sheet.createFreezePane(0, 2);
      }
      workbook.write(out);
      workbook.dispose();
    }
  }

  private static void row(Row row, int number, OrganisationView org, String superior, CellStyle dateStyle) {
    row.createCell(0).setCellValue(number);
    row.createCell(1).setCellValue(org.name() == null ? org.organisationId() : org.name());
    row.createCell(2).setCellValue(superior);
    row.createCell(3).setCellValue(org.step());
    date(row, 4, org.due(), dateStyle);
    row.createCell(5).setCellValue(org.statusName());
    row.createCell(6).setCellValue(org.daysLate());
    date(row, 7, org.startedOn(), dateStyle);
    date(row, 8, org.endedOn(), dateStyle);
  }

  private static void date(Row row, int column, LocalDate value, CellStyle style) {
    var cell = row.createCell(column);
    if (value != null) {
      cell.setCellValue(value);
      cell.setCellStyle(style);
    }
  }

  /** A cell's base organisation by map (the rows of a national report are hundreds of thousands). */
  private static String superiorName(CampaignDefinition campaign, Map<String, String> baseNames, OrganisationView org) {
    return switch (org.level()) {
      case "district" -> campaign.superior().name();
      case "base" -> campaign.district().name();
      default -> baseNames.getOrDefault(org.parentId(), "");
    };
  }
}
