package org.congressflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A national campaign fits the campaign file's limits: 52,000 base organisations with 5 cells each, long ids and
 * names, written as the organisation import writes (one field a line), is about 43 MB; the time to read it is printed.
 */
class NationalCampaignFileTest {

  static final int ORGANISATIONS = 52_000;
  static final int CELLS_EACH = 5;

  @TempDir Path folder;

  @Test
  void aNationalCampaignOf52000BaseOrganisationsWithFiveCellsEachIsAccepted() throws Exception {
    Path file = Files.writeString(folder.resolve("national.yaml"), national());
    long size = Files.size(file);

    long start = System.nanoTime();
    var campaign = new CampaignFileReader().read(file);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    System.out.printf("National campaign file: %.1f MB, read and validated in %d ms%n", size / 1048576.0, millis);
    assertThat(campaign.organisationList()).hasSize(ORGANISATIONS);
    assertThat(campaign.cells()).hasSize(ORGANISATIONS * CELLS_EACH);
    assertThat(size).as("well under the limit").isLessThan(CampaignText.MAX_BYTES / 2);
  }

  /** The Yên Khánh file's campaign with the nation's organisations; the pilot, Khánh Trung, among them. */
  static String national() {
    String yenKhanh = BrokenCampaignFiles.yenKhanh();
    var text = new StringBuilder(46 * 1024 * 1024).append(yenKhanh, 0, yenKhanh.indexOf("\norganisations:") + 1)
        .append("# a short tenant leaves the long ids room in their group ids (<tenant>.<id>-leaders)\ntenant: vn\n")
        .append("organisations:\n");
    for (int i = 0; i < ORGANISATIONS; i++) {
      String id = i == 0 ? "khanh-trung" : String.format("tinh-%02d-huyen-yen-khanh-xa-khanh-an-%05d", i % 63, i);
      text.append("- id: ").append(id).append("\n  name: Đảng bộ xã Khánh An số ").append(i)
          .append(" huyện Yên Khánh tỉnh Ninh Bình\n  type: base-committee\n  kind: commune\n  members: 250\n")
          .append("  cells:\n");
      for (int j = 1; j <= CELLS_EACH; j++) {
        text.append("  - id: ").append(id).append("-cb-0").append(j).append("\n    name: Chi bộ xóm ").append(j)
            .append(" thôn Đông Thượng Khánh\n    members: 40\n");
      }
    }
    return text.toString();
  }
}
