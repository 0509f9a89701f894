package org.congressflow.campaign;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The text of a campaign file: not larger than {@link #MAX_BYTES}, UTF-8 (a byte order mark is dropped), not
 * double-encoded, no control characters. Each bad line is listed, and the text is still given back with the bad
 * parts replaced by U+FFFD, so that the rest of the file is checked too.
 */
final class CampaignText {

  /**
   * A national campaign, 52,000 base organisations with 5 cells each, long ids and names, written as the
   * organisation import writes, is 43 MB; this leaves more than twice that.
   */
  static final int MAX_BYTES = 100 * 1024 * 1024;
  private static final int LINES_SHOWN = 10;

  private CampaignText() {}

  /** The file's text, or null when it cannot be read at all (too large, UTF-16, not readable). */
  static String read(Path file, Problems problems) {
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        problems.add("the file is " + megabytes(size) + ", more than the " + megabytes(MAX_BYTES)
            + " a campaign file may have");
        return null;
      }
      return check(decode(Files.readAllBytes(file), problems), problems);
    } catch (NoSuchFileException e) {
      problems.add("there is no such file");
      return null;
    } catch (IOException e) {
      problems.add("the file cannot be read: " + e.getMessage());
      return null;
    }
  }

  /** Checks text that is already decoded (an import, a test): its size, double-encoding, control characters. */
  static String check(String text, Problems problems) {
    if (text == null) {
      return null;
    }
    // a character is at least one byte
    if (text.length() > MAX_BYTES) {
      problems.add("the file is more than the " + megabytes(MAX_BYTES) + " a campaign file may have");
      return null;
    }
    return scan(text, problems);
  }

  /** Strict UTF-8: every line with a byte that is not UTF-8 is listed with the byte; the byte becomes U+FFFD. */
  static String decode(byte[] bytes, Problems problems) {
    if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
        || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      problems.add("the file must be UTF-8; it is UTF-16 (save it as UTF-8)");
      return null;
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    var badLines = new BadLines(problems, "bytes that are not UTF-8");
    int line = 1;
    int lineStart = 0;
    int counted = 0;
    for (CoderResult result = decoder.decode(in, out, true); result.isError(); result = decoder.decode(in, out, true)) {
      for (; counted < out.position(); counted++) {
        if (out.get(counted) == '\n') {
          line++;
          lineStart = counted + 1;
        }
      }
      if (badLines.isNew(line)) {
        badLines.add(line, Problems.at(line, out.position() - lineStart + 1) + ": the file must be UTF-8; byte 0x"
            + String.format("%02X", in.get(in.position())) + " is not UTF-8 text (save the file as UTF-8)");
      }
      in.position(in.position() + result.length());
      out.put('\uFFFD');
    }
    decoder.flush(out);
    badLines.close();
    return out.flip().toString();
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0)).replace(".0 MB", " MB");
  }

  /**
   * Goes through the text once: lists the lines with double-encoded words, then those with control characters
   * (which become U+FFFD). A byte order mark at the start is dropped.
   */
  private static String scan(String text, Problems problems) {
    var doubleEncoded = new BadLines(problems, "text that looks double-encoded");
    var controls = new BadLines(problems, "control characters");
    int from = text.startsWith("\uFEFF") ? 1 : 0;
    StringBuilder cleaned = null;
    int line = 1;
    int lineStart = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        lineStart = i + 1;
      } else if (doubleEncoded.isNew(line) && DoubleEncoding.startsAt(text, i)) {
        doubleEncoded.add(line, Problems.at(line, i - lineStart + 1) + ": the text looks double-encoded: "
            + DoubleEncoding.wordAt(text, i) + " (the file was converted to UTF-8 twice; save the original as UTF-8"
            + " once)");
      } else if (isControl(c) && controls.isNew(line) && doubleEncoded.line != line) {
        controls.add(line, Problems.at(line, i - lineStart + 1) + ": the control character U+"
            + String.format("%04X", (int) c) + " cannot be in a campaign file");
      }
      if (isControl(c) && cleaned == null) {
        cleaned = new StringBuilder(text.length()).append(text, from, i);
      }
      if (cleaned != null) {
        cleaned.append(isControl(c) ? '\uFFFD' : c);
      }
    }
    doubleEncoded.close();
    controls.close();
    return cleaned != null ? cleaned.toString() : text.substring(from);
  }

  /** Lists the first {@value #LINES_SHOWN} bad lines of one kind, then how many more there are. */
  private static final class BadLines {
    private final Problems problems;
    private final String what;
    private int shown;
    private int more;
    int line;

    BadLines(Problems problems, String what) {
      this.problems = problems;
      this.what = what;
    }

    boolean isNew(int lineNumber) {
      return lineNumber != line;
    }

    void add(int lineNumber, String problem) {
      line = lineNumber;
      if (shown < LINES_SHOWN) {
        shown++;
        problems.add(problem);
      } else {
        more++;
      }
    }

    void close() {
      if (more > 0) {
        problems.add("and " + more + " more line(s) with " + what);
      }
    }
  }

  static boolean isControl(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F && c != 0x85);
  }


}
