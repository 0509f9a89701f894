package org.congressflow.campaign;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Text that was UTF-8, read as Windows-1252 (Latin-1 where that has no character) and saved as UTF-8 again: "Đại"
 * became "Ä\u0090áº¡i". Only sequences that turn back into a Latin or Vietnamese letter, a mark, a quote or a dash
 * count, so "THÔ”" or "Â°" written on purpose do not.
 */
final class DoubleEncoding {

  private static final Map<Character, Byte> WINDOWS_1252 = windows1252();

  private DoubleEncoding() {}

  /** Whether a UTF-8 sequence of a Vietnamese letter or mark, read as Windows-1252 or Latin-1, starts here. */
  static boolean startsAt(String text, int index) {
    char lead = text.charAt(index);
    int continuations = lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2
        : lead >= 0xF0 && lead <= 0xF4 ? 3 : 0;
    if (continuations == 0 || index + continuations >= text.length()) {
      return false;
    }
    for (int k = 1; k <= continuations; k++) {
      int b = byteOf(text.charAt(index + k));
      if (b < 0x80 || b > 0xBF) {
        return false;
      }
    }
    String decoded = repaired(text.substring(index, index + continuations + 1));
    return decoded.length() > 0 && looksVietnamese(decoded.codePointAt(0));
  }

  /** "'Ä\\u0090áº¡i' would be 'Đại'": the word around the index as found and as it was written. */
  static String wordAt(String text, int index) {
    int from = index;
    while (from > 0 && isWordPart(text.charAt(from - 1))) {
      from--;
    }
    int to = index;
    while (to < text.length() && isWordPart(text.charAt(to))) {
      to++;
    }
    String word = text.substring(from, to);
    return "'" + shown(word) + "' would be '" + repaired(word) + "'";
  }

  private static boolean isWordPart(char c) {
    return !Character.isWhitespace(c) && "\"',:{}[]".indexOf(c) < 0;
  }

  /** Latin letters with their marks, Vietnamese letters, typographic quotes and dashes: what an office writes. */
  private static boolean looksVietnamese(int codePoint) {
    return (codePoint >= 0xC0 && codePoint <= 0x24F) || (codePoint >= 0x300 && codePoint <= 0x36F)
        || (codePoint >= 0x1E00 && codePoint <= 0x1EFF) || (codePoint >= 0x2010 && codePoint <= 0x2027);
  }

  /** The byte a character came from when UTF-8 was read as Windows-1252 (or Latin-1), else -1. */
  private static int byteOf(char c) {
    if (c <= 0xFF) {
      return c;
    }
    Byte b = WINDOWS_1252.get(c);
    return b == null ? -1 : b & 0xFF;
  }

  private static String repaired(String word) {
    var bytes = new ByteArrayOutputStream();
    for (char c : word.toCharArray()) {
      int b = byteOf(c);
      if (b >= 0) {
        bytes.write(b);
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String shown(String word) {
    var shown = new StringBuilder();
    word.chars().forEach(c -> shown.append(CampaignText.isControl((char) c) ? String.format("\\u%04X", c)
        : String.valueOf((char) c)));
    return shown.toString();
  }

  private static Map<Character, Byte> windows1252() {
    var map = new HashMap<Character, Byte>();
    Charset cp1252 = Charset.forName("windows-1252");
    for (int b = 0x80; b <= 0x9F; b++) {
      char c = new String(new byte[] {(byte) b}, cp1252).charAt(0);
      if (c != '\uFFFD' && c > 0xFF) {
        map.put(c, (byte) b);
      }
    }
    return Map.copyOf(map);
  }
}
