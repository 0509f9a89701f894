package org.congressflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.congressflow.CongressFlowApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --validate-campaign=FILE}: start-up's checks on a file, with no engine and no database. */
class ValidateCommandTest {

  @TempDir Path folder;

  @Test
  void aValidFileIsCountedAndExitsZero() {
    var outcome = ValidateCommand.run(new String[] {"--validate-campaign=" + CampaignFileTest.YEN_KHANH});

    assertThat(outcome).isEqualTo(new ValidateCommand.Outcome(0,
        CampaignFileTest.YEN_KHANH + ": valid (30 organisations, 134 cells)\n"));
  }

  @Test
  void aBrokenFileListsEveryProblemAndExitsOne() {
    var broken = BrokenCampaignFiles.everyTypeErrorAtOnce();
    Path file = broken.writeTo(folder);

    var outcome = ValidateCommand.run(new String[] {"--validate-campaign=" + file});

    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.output()).isEqualTo("Campaign file " + file + " has 4 problem(s):\n  "
        + String.join("\n  ", broken.problems()) + "\n");
  }

  @Test
  void aFolderIsCheckedAsStartUpChecksIt() throws Exception {
    Files.copy(CampaignFileTest.YEN_KHANH, folder.resolve("a.yaml"));
    BrokenCampaignFiles.pilotIsACell().writeTo(folder);

    var outcome = ValidateCommand.run(new String[] {"--validate-campaign=" + folder});

    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.output()).contains("pilot-is-a-cell.yaml: pilot.organisation: 'khanh-trung-cb-01' is a cell");
  }

  @Test
  void aMissingFileIsSaidSo() {
    var outcome = ValidateCommand.run(new String[] {"--validate-campaign=" + folder.resolve("none.yaml")});

    assertThat(outcome).isEqualTo(new ValidateCommand.Outcome(1,
        "Campaign file " + folder.resolve("none.yaml") + " has 1 problem(s):\n  there is no such file\n"));
  }

  @Test
  void theApplicationRunAsACommandChecksAFileInSecondsAndWritesNothing() throws Exception {
    Path file = BrokenCampaignFiles.unknownField().writeTo(folder);
    Path valid = Files.copy(CampaignFileTest.YEN_KHANH, folder.resolve("valid.yaml"));

    long start = System.nanoTime();
    var refused = java(file);
    var accepted = java(valid);
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) / 2;

    assertThat(refused.exitValue()).isEqualTo(1);
    assertThat(output(refused)).contains("unknown-field.yaml has 1 problem(s):\n  "
        + BrokenCampaignFiles.unknownField().problems().get(0));
    assertThat(accepted.exitValue()).isZero();
    assertThat(output(accepted)).isEqualTo(valid + ": valid (30 organisations, 134 cells)\n");
    assertThat(seconds).as("seconds per run, JVM start included").isLessThan(10);
    try (var left = Files.list(folder)) {
      assertThat(left.map(p -> p.getFileName().toString())).as("no database, no log file")
          .containsExactlyInAnyOrder("unknown-field.yaml", "valid.yaml");
    }
  }

  /** Runs the application's main class in its own JVM, in the test's folder, as an operator would run the jar. */
  private Process java(Path file) throws Exception {
    var process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), CongressFlowApplication.class.getName(),
        "--validate-campaign=" + file))
        .directory(folder.toFile()).redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
    return process;
  }

  private static String output(Process process) throws Exception {
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
