package org.congressflow.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A document uploaded with a task must be a document: PDF, DOC, DOCX or ODT by its name, by its declared type and by
 * its first bytes, so an .exe or a web page renamed to .pdf is refused on the server, whatever the browser let
 * through. Other files a caller attaches (a member list) may also be spreadsheets or CSV.
 */
final class DocumentTypes {

  private static final byte[] PDF = {'%', 'P', 'D', 'F'};
  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
      (byte) 0xE1};
  private static final String GENERIC = "application/octet-stream";

  /** Per extension: the declared types accepted besides the generic one, and the first bytes. */
  private record Kind(Set<String> types, byte[] magic) {}

  private static final Map<String, Kind> DOCUMENTS = Map.of(
      "pdf", new Kind(Set.of("application/pdf", "application/x-pdf"), PDF),
      "doc", new Kind(Set.of("application/msword"), OLE),
      "docx", new Kind(Set.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document"), ZIP),
      "odt", new Kind(Set.of("application/vnd.oasis.opendocument.text"), ZIP));
  private static final Map<String, Kind> LISTS = Map.of(
      "xlsx", new Kind(Set.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), ZIP),
      "csv", new Kind(Set.of("text/csv", "text/plain", "application/vnd.ms-excel"), null),
      "txt", new Kind(Set.of("text/plain", "text/csv"), null));

  private DocumentTypes() {}

  /**
   * Problems of the task's file variables: the form's documents must be documents; any other file variable a
   * document or a list.
   */
  static List<String> problems(FormRules rules, Collection<String> variableNames,
      Function<String, TypedValue> variables) {
    var problems = new ArrayList<String>();
    var declared = new ArrayList<String>();
    for (var document : rules.documents()) {
      declared.add(document.variable());
      if (variables.apply(document.variable()) instanceof FileValue file) {
        check(file, lowerFirst(document.label()),
            document.list() ? LISTS : DOCUMENTS, document.list() ? "XLSX hoặc CSV" : "PDF, DOC, DOCX hoặc ODT", problems);
      }
    }
    var anyKind = new java.util.HashMap<>(DOCUMENTS);
    anyKind.putAll(LISTS);
    for (String name : variableNames) {
      if (!declared.contains(name) && variables.apply(name) instanceof FileValue file) {
        check(file, name, anyKind, "PDF, DOC, DOCX, ODT, XLSX hoặc CSV", problems);
      }
    }
    return problems;
  }

  private static void check(FileValue file, String name, Map<String, Kind> allowed, String kinds,
      List<String> problems) {
    byte[] head = head(file);
    if (head.length == 0) {
      return; // an optional file input left empty (Tasklist sends it as a file without name); FormCheck says if required
    }
    String fileName = file.getFilename() == null ? "" : file.getFilename();
    int dot = fileName.lastIndexOf('.');
    String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    Kind kind = allowed.get(extension);
    if (kind == null) {
      problems.add("Tệp " + name + " phải là " + kinds + ", không phải "
          + (extension.isEmpty() ? "tệp không có đuôi" : "." + extension));
      return;
    }
    String type = file.getMimeType() == null ? "" : file.getMimeType().split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (!type.isEmpty() && !type.equals(GENERIC) && !kind.types().contains(type)) {
      problems.add("Tệp " + name + " có đuôi ." + extension + " nhưng được gửi với kiểu " + type);
      return;
    }
    boolean matches = kind.magic() == null ? !containsNul(head)
        : head.length >= kind.magic().length && Arrays.equals(head, 0, kind.magic().length, kind.magic(), 0,
            kind.magic().length);
    if (!matches) {
      problems.add("Tệp " + name + " có đuôi ." + extension + " nhưng nội dung không phải tệp "
          + extension.toUpperCase(Locale.ROOT));
    }
  }

  private static byte[] head(FileValue file) {
    try (InputStream content = file.getValue()) {
      return content == null ? new byte[0] : content.readNBytes(512);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean containsNul(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
