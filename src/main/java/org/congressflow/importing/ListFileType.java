package org.congressflow.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.multipart.MultipartFile;

/**
 * An uploaded organisation list must be what its name says: an .xlsx (a ZIP, starting with {@code PK}) or a
 * .csv (text, no NUL byte), declared as such or as a generic type. Anything else is refused before it is read.
 */
final class ListFileType {

  private static final Set<String> XLSX_TYPES = Set.of(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream",
      "application/zip");
  private static final Set<String> CSV_TYPES = Set.of("text/csv", "text/plain", "application/csv",
      "application/vnd.ms-excel", "application/octet-stream");

  private ListFileType() {}

  /** Why the file is refused, in Vietnamese; empty when it is a list we can read. */
  static Optional<String> refusal(MultipartFile file) throws IOException {
    String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
    String extension = extension(name);
    String type = baseType(file.getContentType());
    byte[] head = head(file);
    boolean fits = switch (extension) {
      case "xlsx" -> (type == null || XLSX_TYPES.contains(type)) && head.length >= 2 && head[0] == 'P' && head[1] == 'K';
      case "csv" -> (type == null || CSV_TYPES.contains(type)) && !containsNul(head);
      default -> false;
    };
    if (fits) {
      return Optional.empty();
    }
    String what = extension.isEmpty() ? "tệp không có đuôi" : "." + extension;
    if (extension.equals("xlsx") || extension.equals("csv")) {
      what = "tệp ." + extension + " có nội dung" + (type == null ? "" : " (" + type + ")") + " không khớp";
    }
    return Optional.of("Tệp danh sách tổ chức đảng phải là XLSX hoặc CSV, không phải " + what);
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String baseType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    return contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
  }

  private static byte[] head(MultipartFile file) throws IOException {
    try (InputStream content = file.getInputStream()) {
      return content.readNBytes(4096);
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
}
