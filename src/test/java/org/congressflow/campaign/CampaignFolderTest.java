package org.congressflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The campaign folder: its files read together, and nothing in it passed over in silence. */
@ExtendWith(OutputCaptureExtension.class)
class CampaignFolderTest {

  @TempDir Path folder;

  @Test
  void anEmptyCampaignFolderLogsAClearWarning(CapturedOutput output) {
    assertThat(CampaignFolder.read(folder).files()).isEmpty();

    assertThat(output).contains("WARN").contains("The campaign folder " + folder.toAbsolutePath()
        + " has no campaign file (*.yaml, *.yml): no campaign started");
  }

  @Test
  void aFileThatIsNotACampaignFileIsNamedInAWarning(CapturedOutput output) throws Exception {
    Files.writeString(folder.resolve("yen-khanh.yaml.bak"), BrokenCampaignFiles.yenKhanh());
    Files.writeString(folder.resolve(".gitkeep"), "");

    assertThat(CampaignFolder.read(folder).files()).isEmpty();

    assertThat(output)
        .contains(folder.resolve("yen-khanh.yaml.bak") + " is not a campaign file (*.yaml, *.yml): not read")
        .doesNotContain(".gitkeep");
  }

  @Test
  void twoFilesWithOneCampaignIdAndDifferentContentAreBothRefusedWithWhatDiffers() throws Exception {
    String yenKhanh = BrokenCampaignFiles.yenKhanh();
    Files.writeString(folder.resolve("a.yaml"), yenKhanh);
    Files.writeString(folder.resolve("b.yaml"), yenKhanh
        .replace("baseCongresses: 2020-06-30", "baseCongresses: 2020-07-15")
        .replace("    members: 412\n", "    members: 420\n"));

    assertThatThrownBy(() -> CampaignFolder.read(folder))
        .isInstanceOf(InvalidCampaignException.class)
        .hasMessage("Campaign file " + folder + " has 1 problem(s):\n  b.yaml: id: 'yen-khanh-2020-2025' is also the id"
            + " of a.yaml, which differs from this file (there → here): deadlines.baseCongresses: 2020-06-30 →"
            + " 2020-07-15; organisations[yen-ninh].members: 412 → 420. Give one of them another id, or remove one");
  }

  @Test
  void aCopyOfAFileIsStartedOnceAndSaidSo(CapturedOutput output) throws Exception {
    Files.writeString(folder.resolve("a.yaml"), BrokenCampaignFiles.yenKhanh());
    Files.writeString(folder.resolve("b.yml"), "# a copy\n" + BrokenCampaignFiles.yenKhanh());

    assertThat(CampaignFolder.read(folder).files()).extracting(f -> f.path().getFileName().toString())
        .containsExactly("a.yaml");
    assertThat(output).contains(folder.resolve("b.yml") + " holds the same campaign as " + folder.resolve("a.yaml")
        + " (yen-khanh-2020-2025): it is started once");
  }

  @Test
  void everyBrokenFileOfTheFolderIsListedByItsName() throws Exception {
    BrokenCampaignFiles.unknownField().writeTo(folder);
    BrokenCampaignFiles.pilotIsACell().writeTo(folder);

    assertThatThrownBy(() -> CampaignFolder.read(folder))
        .isInstanceOf(InvalidCampaignException.class)
        .hasMessageContaining("has 2 problem(s)")
        .hasMessageContaining("\n  pilot-is-a-cell.yaml: " + BrokenCampaignFiles.pilotIsACell().problems().get(0))
        .hasMessageContaining("\n  unknown-field.yaml: " + BrokenCampaignFiles.unknownField().problems().get(0));
  }
}
