package org.congressflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The catalogue of what a campaign file is refused for: one file per kind of problem, each the Yên Khánh file with
 * one fault, and the problems it must be refused with, in order. The file tests read each on its own; start-up reads
 * them all at once.
 */
final class BrokenCampaignFiles {

  static final String FIELDS = "id, name, type, kind, members, congress, congressReason, cells";

  /** A file to write, its content, and every problem it must get ("line" and "column" counted as an editor does). */
  record Broken(String fileName, byte[] content, List<String> problems) {

    Broken(String fileName, String text, String... problems) {
      this(fileName, text.getBytes(StandardCharsets.UTF_8), List.of(problems));
    }

    Path writeTo(Path folder) {
      try {
        return Files.write(folder.resolve(fileName), content);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Written to the folder, the file is refused for its problems, and for nothing else. */
    void isRefusedIn(Path folder) {
      assertThat(refusal(writeTo(folder))).containsExactlyElementsOf(problems);
    }
  }

  static List<String> refusal(Path file) {
    try {
      new CampaignFileReader().read(file);
    } catch (InvalidCampaignException e) {
      return e.problems();
    }
    throw new AssertionError(file.getFileName() + " was accepted");
  }

  private BrokenCampaignFiles() {}

  static List<Broken> all() {
    return List.of(notUtf8(), utf16(), doubleEncoded(), controlCharacter(), empty(), tabIndentation(),
        secondDocument(), contentAfterTheEnd(), fieldGivenTwice(), unknownField(), wordForANumber(), impossibleDate(),
        dateWrittenAnotherWay(), notTrueOrFalse(), textForAList(), listForAText(), textForASection(), alias(),
        everyTypeErrorAtOnce(), listForTheWholeFile(), idTooLong(), campaignIdTooLong(), nameTooLong(),
        cellNameTooLong(), campaignNameTooLong(), delegatesCongressWithoutAReason(), pilotIsACell(), tenantNotAnId());
  }

  static String yenKhanh() {
    try {
      return Files.readString(CampaignFileTest.YEN_KHANH);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** "line 52, column 5": where {@code needle} first starts in {@code text}. */
  static String at(String text, String needle) {
    return at(text, needle, needle);
  }

  /** Where {@code needle} starts within the first {@code context} of {@code text}. */
  static String at(String text, String context, String needle) {
    int index = text.indexOf(context) + context.indexOf(needle);
    if (text.indexOf(context) < 0 || context.indexOf(needle) < 0) {
      throw new IllegalArgumentException("'" + needle + "' in '" + context + "' is not in the text");
    }
    return Problems.at(lineAt(text, index), index - (text.lastIndexOf('\n', index - 1) + 1) + 1);
  }

  static String line(String text, String needle) {
    return "line " + lineAt(text, text.indexOf(needle));
  }

  private static int lineAt(String text, int index) {
    return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
  }

  static Broken notUtf8() {
    String text = yenKhanh();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    // the "á" of "Khánh An" as Windows-1258 writes it: one byte, 0xE1, which UTF-8 does not allow before "n"
    String before = text.substring(0, text.indexOf("ánh An\""));
    int index = before.getBytes(StandardCharsets.UTF_8).length;
    byte[] broken = new byte[bytes.length - 1];
    System.arraycopy(bytes, 0, broken, 0, index);
    broken[index] = (byte) 0xE1;
    System.arraycopy(bytes, index + 2, broken, index + 1, bytes.length - index - 2);
    return new Broken("not-utf8.yaml", broken, List.of(at(text, "ánh An\"")
        + ": the file must be UTF-8; byte 0xE1 is not UTF-8 text (save the file as UTF-8)"));
  }

  static Broken utf16() {
    return new Broken("utf16.yaml", yenKhanh().getBytes(StandardCharsets.UTF_16),
        List.of("the file must be UTF-8; it is UTF-16 (save it as UTF-8)"));
  }

  /** UTF-8 read as Windows-1252 (Latin-1 where it has no character) and saved as UTF-8 again. */
  static Broken doubleEncoded() {
    String text = yenKhanh();
    String line = "name: \"Đại hội Đảng bộ các cấp";
    var cp1252 = Charset.forName("windows-1252");
    var twice = new StringBuilder();
    for (byte b : line.getBytes(StandardCharsets.UTF_8)) {
      String c = new String(new byte[] {b}, cp1252);
      twice.append(c.equals("\uFFFD") ? String.valueOf((char) (b & 0xFF)) : c);
    }
    return new Broken("double-encoded.yaml", text.replace(line, twice.toString()),
        at(text, "Đại hội") + ": the text looks double-encoded: 'Ä\\u0090áº¡i' would be 'Đại' (the file was converted"
            + " to UTF-8 twice; save the original as UTF-8 once)");
  }

  static Broken controlCharacter() {
    String text = yenKhanh().replace("khanh-an-cb-03, name: \"Chi bộ xóm 3\"",
        "khanh-an-cb-03, name: \"Chi bộ xóm 3\u0007\"");
    return new Broken("control-character.yaml", text,
        at(text, "\u0007") + ": the control character U+0007 cannot be in a campaign file");
  }

  static Broken empty() {
    return new Broken("empty.yaml", "# nothing yet\n", "the file is empty");
  }

  static Broken tabIndentation() {
    String text = yenKhanh().replace("    kind: town", "\tkind: town");
    return new Broken("tab.yaml", text, "not valid YAML (" + at(text, "\tkind: town") + "): found character"
        + " '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)"
            + " (while scanning for the next token)");
  }

  static Broken secondDocument() {
    String text = yenKhanh() + "---\nid: another-campaign\n";
    return new Broken("two-documents.yaml", text, Problems.at(lines(yenKhanh()) + 1, 1) + ": a second YAML"
        + " document begins here; a campaign file holds one campaign (put another in a file of its own)");
  }

  static Broken contentAfterTheEnd() {
    int end = lines(yenKhanh()) + 1;
    return new Broken("after-the-end.yaml", yenKhanh() + "...\nid: another-campaign\n", Problems.at(end + 1, 1)
        + ": content after the end of the document ('...' on line " + end + "); a campaign file holds one document,"
        + " remove what follows");
  }

  static Broken fieldGivenTwice() {
    String text = yenKhanh().replace("    kind: town\n", "    kind: town\n    name: \"Thị trấn Yên Ninh\"\n");
    return new Broken("given-twice.yaml", text, "organisations[0].name (" + at(text, "name: \"Thị trấn")
        + "): given twice (first on " + line(text, "name: \"Đảng bộ thị trấn Yên Ninh") + ")");
  }

  static Broken unknownField() {
    String text = yenKhanh().replace("    kind: town\n", "    kind: town\n    secretary: \"Nguyễn Văn An\"\n");
    return new Broken("unknown-field.yaml", text, "organisations[0].secretary (" + at(text, "secretary:")
        + "): unknown field 'secretary' (the fields here: " + FIELDS + ")");
  }

  static Broken wordForANumber() {
    return wrongValue("word-for-number.yaml", "organisations[0].members", "members: 412", "nhiều",
        "a whole number like 41");
  }

  static Broken impossibleDate() {
    return wrongValue("impossible-date.yaml", "deadlines.cellCongresses", "cellCongresses: 2020-03-31", "2020-03-32",
        "a date like 2020-03-31");
  }

  static Broken dateWrittenAnotherWay() {
    return wrongValue("date-another-way.yaml", "qualityReview.publishBy", "publishBy: 2020-02-28", "28/02/2020",
        "a date like 2020-03-31");
  }

  static Broken notTrueOrFalse() {
    return wrongValue("not-true-or-false.yaml", "pilot.directSecretaryElection", "directSecretaryElection: true", "có",
        "true or false");
  }

  static Broken textForAList() {
    return wrongValue("text-for-list.yaml", "deadlinePolicy.reminderLeadDays", "reminderLeadDays: [14, 3]", "14",
        "a list");
  }

  /** The file with the value of one field ("members: 412") written otherwise: refused where it is, for its form. */
  private static Broken wrongValue(String fileName, String path, String field, String written, String expected) {
    String name = field.substring(0, field.indexOf(": ") + 2);
    String text = yenKhanh().replace(field, name + written);
    return new Broken(fileName, text, path + " (" + at(text, name + written, written) + "): expected " + expected
        + ", not '" + written + "'");
  }

  static Broken listForAText() {
    String text = yenKhanh().replace("term: \"2020-2025\"", "term: [2020, 2025]");
    return new Broken("list-for-text.yaml", text,
        "term (" + at(text, "[2020, 2025]") + "): expected a text, not a list");
  }

  static Broken textForASection() {
    String text = yenKhanh().replaceAll("(?m)^superior:\n(^  .*\n)+", "superior: Tỉnh ủy Ninh Bình\n");
    return new Broken("text-for-section.yaml", text, "superior (" + at(text, "superior: Tỉnh", "Tỉnh")
        + "): expected fields (name: value), not 'Tỉnh ủy Ninh Bình'");
  }

  static Broken alias() {
    String text = yenKhanh().replace("cellCongresses: 2020-03-31", "cellCongresses: &march 2020-03-31")
        .replace("pilotLessons: 2020-05-05", "pilotLessons: *march");
    return new Broken("alias.yaml", text, "deadlines.pilotLessons (" + at(text, "*march")
        + "): expected the value written out (aliases like *name are not read), not an alias");
  }

  /** The product owner's case: every wrong type and bad date of a file, not only the first. */
  static Broken everyTypeErrorAtOnce() {
    String text = yenKhanh().replace("congressNumber: 24", "congressNumber: XXIV")
        .replace("baseCongresses: 2020-06-30", "baseCongresses: 2020-06-31")
        .replace("members: 520", "members: 520.5")
        .replace("{ id: khanh-an-cb-03, name: \"Chi bộ xóm 3\", members: 74 }",
            "{ id: khanh-an-cb-03, name: \"Chi bộ xóm 3\", members: bảy mươi }");
    return new Broken("every-type-error.yaml", text,
        "district.congressNumber (" + at(text, "congressNumber: XXIV", "XXIV")
            + "): expected a whole number like 41, not 'XXIV'",
        "deadlines.baseCongresses (" + at(text, "2020-06-31") + "): expected a date like 2020-03-31, not '2020-06-31'",
        "organisations[1].members (" + at(text, "520.5") + "): expected a whole number like 41, not '520.5'",
        "organisations[1].cells[2].members (" + at(text, "bảy mươi") + "): expected a whole number like 41, not 'bảy"
            + " mươi'");
  }

  static Broken listForTheWholeFile() {
    return new Broken("a-list.yaml", "- id: yen-khanh-2020-2025\n- name: x\n",
        "the file (line 1, column 1): expected fields (name: value), not a list");
  }

  static Broken idTooLong() {
    // group ids are <tenant>.<id>-leaders, demo users at most <tenant>.<id>-secretary: 64 - 10 - 20 for the tenant
    String id = "khanh-an-" + "x".repeat(35 - "khanh-an-".length());
    return new Broken("long-id.yaml", yenKhanh().replace("id: khanh-an\n", "id: " + id + "\n"),
        "organisations[1].id: 35 characters, more than the 34 it may have");
  }

  static Broken campaignIdTooLong() {
    String id = "yen-khanh-2020-2025-" + "x".repeat(101 - "yen-khanh-2020-2025-".length());
    // with a tenant of its own: the default (the id's first 32 characters) would leave the cells' ids too short
    return new Broken("long-campaign-id.yaml", yenKhanh().replace("id: yen-khanh-2020-2025", "id: " + id
        + "\ntenant: yen-khanh"),
        "id: 101 characters, more than the 100 it may have");
  }

  /** A tenant prefixes every group id with a dot: it may have none itself, nor be longer than 32 characters. */
  static Broken tenantNotAnId() {
    return new Broken("bad-tenant.yaml", yenKhanh().replace("id: yen-khanh-2020-2025\n",
        "id: yen-khanh-2020-2025\ntenant: ninh-binh.yen-khanh-" + "x".repeat(20) + "\n"),
        "tenant: 'ninh-binh.yen-khanh-" + "x".repeat(20) + "' is not a valid id (lower-case letters, digits and"
            + " single hyphens)",
        "tenant: 40 characters, more than the 32 it may have");
  }

  static Broken nameTooLong() {
    String name = "Đảng bộ xã Khánh An " + "và ".repeat(44);
    return new Broken("long-name.yaml", yenKhanh().replace("\"Đảng bộ xã Khánh An\"", "\"" + name + "\""),
        "organisations[1].name: " + name.length() + " characters, more than the 150 it may have");
  }

  static Broken cellNameTooLong() {
    String name = "Chi bộ xóm 1 " + "thôn Đông ".repeat(8);
    return new Broken("long-cell-name.yaml", yenKhanh().replace("{ id: khanh-an-cb-01, name: \"Chi bộ xóm 1\"",
        "{ id: khanh-an-cb-01, name: \"" + name + "\""),
        "organisations[1].cells[0].name: " + name.length() + " characters, more than the 85 it may have");
  }

  static Broken campaignNameTooLong() {
    String name = "Đại hội Đảng bộ các cấp huyện Yên Khánh " + "nhiệm kỳ 2020-2025 ".repeat(25);
    return new Broken("long-campaign-name.yaml", yenKhanh().replace(
        "\"Đại hội Đảng bộ các cấp huyện Yên Khánh, nhiệm kỳ 2020-2025\"", "\"" + name + "\""),
        "name: " + name.length() + " characters, more than the 500 it may have");
  }

  static Broken delegatesCongressWithoutAReason() {
    String text = yenKhanh().replace("    kind: military\n    members: 57\n",
        "    kind: military\n    members: 57\n    congress: delegates\n");
    return new Broken("delegates-without-reason.yaml", text, "organisations[22].congressReason: missing: a delegates'"
        + " congress for 57 members (under the 200 of rules.delegatesCongressFromMembers) needs a stated reason");
  }

  static Broken pilotIsACell() {
    return new Broken("pilot-is-a-cell.yaml",
        yenKhanh().replace("organisation: khanh-trung", "organisation: khanh-trung-cb-01"),
        "pilot.organisation: 'khanh-trung-cb-01' is a cell, the pilot must be a base committee (such as its own,"
            + " 'khanh-trung')");
  }

  /** Over the size limit by 10 MB; sparse, so it takes no room on the disk: it is refused by its size, unread. */
  static Path tooLarge(Path folder) throws IOException {
    Path file = folder.resolve("too-large.yaml");
    try (var out = new RandomAccessFile(file.toFile(), "rw")) {
      out.setLength(CampaignText.MAX_BYTES + 10L * 1024 * 1024);
    }
    return file;
  }

  private static int lines(String text) {
    return (int) text.chars().filter(c -> c == '\n').count();
  }

  static final String TOO_LARGE = "the file is 110 MB, more than the 100 MB a campaign file may have";
}
