package org.congressflow.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Nothing generated without its generator: the embedded HTML forms are exactly what {@link EmbeddedFormWriter}
 * writes from their .form, and no file of the repository names a path outside it.
 */
class EmbeddedFormsTest {

  /** A folder at the root of a machine (work, home, Users, root) or a Windows drive: outside the repository. */
  private static final Pattern ABSOLUTE_PATH =
      Pattern.compile("(?<![\\w.~-])/(?:work|home|Users|root)/|(?<![\\w])[A-Za-z]:\\\\[\\w.]");
  private static final List<String> SCANNED = List.of("processes", "src", "config", "docs", ".ci", "README.md", "pom.xml");

  @Test
  void everyEmbeddedFormIsWhatItsGeneratorWritesFromItsForm() throws IOException {
    var writer = new EmbeddedFormWriter(EmbeddedFormWriter.configuredMaxFileSize());
    var formIds = EmbeddedFormWriter.embeddedFormIds();
    assertThat(formIds).as("embedded forms named by processes/*.bpmn").containsExactly("draft-congress-documents",
        "draft-political-report", "hold-congress", "hold-pilot-congress", "prepare-personnel-plan");
    var stale = new ArrayList<String>();
    for (String formId : formIds) {
      Path html = EmbeddedFormWriter.HTML.resolve(formId + ".html");
      String expected = writer.write(formId, Files.readAllBytes(EmbeddedFormWriter.FORMS.resolve(formId + ".form")));
      String actual = Files.exists(html) ? Files.readString(html) : "";
      if (!actual.equals(expected)) {
        stale.add(html + " differs from what the generator writes from processes/forms/" + formId + ".form"
            + firstDifference(expected, actual));
      }
    }
    if (!stale.isEmpty()) {
      fail(String.join("\n", stale) + "\nDo not edit the HTML: change the .form and run " + EmbeddedFormWriter.COMMAND);
    }
  }

  @Test
  void noFileNamesAPathOutsideTheRepository() throws IOException {
    var offenders = new ArrayList<String>();
    for (String root : SCANNED) {
      Path start = Path.of(root);
      if (!Files.exists(start)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(start)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          var lines = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).split("\n", -1);
          for (int i = 0; i < lines.length; i++) {
            if (ABSOLUTE_PATH.matcher(lines[i]).find()) {
              offenders.add(file + ":" + (i + 1) + ": " + lines[i].strip());
            }
          }
        }
      }
    }
    assertThat(offenders).as("files naming an absolute path (use a path relative to the repository)").isEmpty();
  }

  private static String firstDifference(String expected, String actual) {
    var want = expected.split("\n", -1);
    var have = actual.split("\n", -1);
    for (int i = 0; i < Math.max(want.length, have.length); i++) {
      String w = i < want.length ? want[i] : "<end of file>";
      String h = i < have.length ? have[i] : "<end of file>";
      if (!w.equals(h)) {
        return "\n  at line " + (i + 1) + "\n  generator: " + w + "\n  committed: " + h;
      }
    }
    return "";
  }
}
