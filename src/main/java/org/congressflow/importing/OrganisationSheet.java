package org.congressflow.importing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import org.congressflow.campaign.CampaignDefinition.Cell;
import org.congressflow.campaign.CampaignDefinition.Organisation;
import org.congressflow.importing.SheetRows.SheetRow;

/**
 * The organisation list as a district office keeps it: a header row (STT, Tổ chức cơ sở đảng, Loại, Khối, Số
 * đảng viên, Chi bộ trực thuộc, Số đảng viên chi bộ), one row per base organisation, its affiliated cells in the
 * last two columns of that row and of the rows below it. Every bad row is reported by its number.
 */
final class OrganisationSheet {

  enum Column {
    NUMBER("STT"), NAME("Tổ chức cơ sở đảng"), TYPE("Loại"), KIND("Khối"), MEMBERS("Số đảng viên"),
    CELL("Chi bộ trực thuộc"), CELL_MEMBERS("Số đảng viên chi bộ");

    final String header;

    Column(String header) {
      this.header = header;
    }
  }

  static final Map<String, String> TYPES = Map.of(
      "dang bo co so", Organisation.BASE_COMMITTEE, "chi bo co so", Organisation.BASE_CELL);
  static final Map<String, String> KINDS = Map.of("xa", "commune", "thi tran", "town", "co quan", "agency",
      "cong an", "police", "quan su", "military", "truong hoc", "school", "doanh nghiep", "enterprise");

  /** The organisations read, the row each came from (for later problems), and every problem by row. */
  record Result(List<Organisation> organisations, List<Integer> rowNumbers, List<String> problems) {}

  private OrganisationSheet() {}

  static Result read(List<SheetRow> rows, IntConsumer percentDone) {
    var problems = new ArrayList<String>();
    int headerIndex = headerIndex(rows);
    if (headerIndex < 0) {
      return new Result(List.of(), List.of(), List.of("Không tìm thấy dòng tiêu đề (STT, Tổ chức cơ sở đảng, Loại, "
          + "Khối, Số đảng viên, Chi bộ trực thuộc, Số đảng viên chi bộ)"));
    }
    Map<Column, Integer> columns = columns(rows.get(headerIndex), problems);
    if (!problems.isEmpty()) {
      return new Result(List.of(), List.of(), problems);
    }
    var builders = new ArrayList<Builder>();
    Map<String, Integer> idRows = new HashMap<>();
    int lastPercent = -1;
    for (int i = headerIndex + 1; i < rows.size(); i++) {
      SheetRow row = rows.get(i);
      if (!row.blank()) {
        readRow(row, columns, builders, idRows, problems);
      }
      int percent = (int) ((i - headerIndex) * 100L / Math.max(1, rows.size() - headerIndex - 1));
      if (percent != lastPercent) {
        percentDone.accept(percent);
        lastPercent = percent;
      }
    }
    if (builders.isEmpty() && problems.isEmpty()) {
      problems.add("Bảng không có tổ chức cơ sở đảng nào");
    }
    builders.forEach(b -> b.check(problems));
    problems.sort(java.util.Comparator.comparingInt(OrganisationSheet::rowOf));
    return new Result(builders.stream().map(Builder::build).toList(), builders.stream().map(b -> b.row).toList(),
        problems);
  }

  private static void readRow(SheetRow row, Map<Column, Integer> columns, List<Builder> builders,
      Map<String, Integer> idRows, List<String> problems) {
    String name = row.cell(columns.get(Column.NAME));
    boolean organisationRow = !name.isEmpty() || !row.cell(columns.get(Column.NUMBER)).isEmpty()
        || !row.cell(columns.get(Column.TYPE)).isEmpty() || !row.cell(columns.get(Column.MEMBERS)).isEmpty();
    var rowProblems = new ArrayList<String>();
    if (organisationRow) {
      var builder = new Builder(row.number());
      builder.name = name;
      if (name.isEmpty()) {
        rowProblems.add("thiếu tên tổ chức cơ sở đảng");
      } else {
        builder.id = Ids.of(name);
        Integer first = idRows.putIfAbsent(builder.id, row.number());
        if (first != null) {
          rowProblems.add("trùng tên với tổ chức ở dòng " + first + " ('" + name + "')");
        }
      }
      builder.type = lookUp(row.cell(columns.get(Column.TYPE)), TYPES, "Loại", rowProblems);
      builder.kind = lookUp(row.cell(columns.get(Column.KIND)), KINDS, "Khối", rowProblems);
      builder.members = positive(row.cell(columns.get(Column.MEMBERS)), "Số đảng viên", rowProblems);
      builders.add(builder);
    }
    String cellName = row.cell(columns.get(Column.CELL));
    String cellMembers = row.cell(columns.get(Column.CELL_MEMBERS));
    if (!cellName.isEmpty() || !cellMembers.isEmpty()) {
      if (builders.isEmpty()) {
        rowProblems.add("chi bộ trực thuộc nằm trước mọi tổ chức cơ sở đảng");
      } else {
        var owner = builders.get(builders.size() - 1);
        if (cellName.isEmpty()) {
          rowProblems.add("thiếu tên chi bộ trực thuộc");
        }
        owner.cells.add(new Cell(null, cellName, positive(cellMembers, "Số đảng viên chi bộ", rowProblems)));
        owner.cellRows.add(row.number());
      }
    }
    rowProblems.forEach(p -> problems.add("Dòng " + row.number() + ": " + p));
  }

  private static int rowOf(String problem) {
    var matcher = java.util.regex.Pattern.compile("^Dòng (\\d+)").matcher(problem);
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
  }

  private static int headerIndex(List<SheetRow> rows) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).cells().stream().anyMatch(c -> Ids.plain(c).equals(Ids.plain(Column.NAME.header)))) {
        return i;
      }
    }
    return -1;
  }

  private static Map<Column, Integer> columns(SheetRow header, List<String> problems) {
    var columns = new LinkedHashMap<Column, Integer>();
    for (Column column : Column.values()) {
      for (int i = 0; i < header.cells().size(); i++) {
        if (Ids.plain(header.cell(i)).equals(Ids.plain(column.header))) {
          columns.put(column, i);
        }
      }
      if (!columns.containsKey(column)) {
        problems.add("Dòng " + header.number() + ": thiếu cột '" + column.header + "'");
      }
    }
    return columns;
  }

  private static String lookUp(String value, Map<String, String> allowed, String column, List<String> problems) {
    String code = allowed.get(Ids.plain(value));
    if (code == null) {
      problems.add(column + " '" + value + "' không hợp lệ (một trong: "
          + String.join(", ", column.equals("Loại") ? List.of("Đảng bộ cơ sở", "Chi bộ cơ sở")
              : List.of("xã", "thị trấn", "cơ quan", "công an", "quân sự", "trường học", "doanh nghiệp")) + ")");
    }
    return code;
  }

  private static Integer positive(String value, String column, List<String> problems) {
    try {
      int number = Integer.parseInt(value.replace(".", "").replace(",", "").trim());
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(column + " phải là số nguyên dương, không phải '" + value + "'");
    return null;
  }

  /** An organisation being read, with the rows of its cells. */
  private static final class Builder {
    final int row;
    String id;
    String name;
    String type;
    String kind;
    Integer members;
    final List<Cell> cells = new ArrayList<>();
    final List<Integer> cellRows = new ArrayList<>();

    Builder(int row) {
      this.row = row;
    }

    void check(List<String> problems) {
      if (Organisation.BASE_COMMITTEE.equals(type) && cells.isEmpty()) {
        problems.add("Dòng " + row + ": Đảng bộ cơ sở '" + name + "' chưa có chi bộ trực thuộc nào");
      }
      if (Organisation.BASE_CELL.equals(type) && !cells.isEmpty()) {
        problems.add("Dòng " + cellRows.get(0) + ": '" + name + "' là chi bộ cơ sở, không có chi bộ trực thuộc");
      }
      int total = cells.stream().mapToInt(c -> c.members() == null ? 0 : c.members()).sum();
      if (members != null && total > members) {
        problems.add("Dòng " + row + ": các chi bộ trực thuộc có " + total + " đảng viên, nhiều hơn " + members
            + " đảng viên của '" + name + "'");
      }
    }

    Organisation build() {
      var named = new ArrayList<Cell>();
      for (int i = 0; i < cells.size(); i++) {
        named.add(new Cell(String.format("%s-cb-%02d", id, i + 1), cells.get(i).name(), cells.get(i).members()));
      }
      return new Organisation(id, name, type, kind, members, null, named);
    }
  }

  /** Ids from Vietnamese names: "Đảng bộ xã Khánh An" becomes khanh-an. */
  static final class Ids {
    private static final List<String> PREFIXES = List.of("dang bo xa ", "dang bo thi tran ", "dang bo ", "chi bo ");

    private Ids() {}

    /** Lower case, no diacritics, single spaces. */
    static String plain(String text) {
      String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
      return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
    }

    static String of(String name) {
      String plain = plain(name);
      for (String prefix : PREFIXES) {
        if (plain.startsWith(prefix) && plain.length() > prefix.length()) {
          plain = plain.substring(prefix.length());
          break;
        }
      }
      return plain.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
  }
}
