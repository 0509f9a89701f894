package org.congressflow.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import org.congressflow.campaign.CampaignDefinition.Cell;
import org.congressflow.campaign.CampaignDefinition.Organisation;
import org.congressflow.campaign.CampaignFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator writes campaign files of any size that start-up accepts, with the seed's dates and the pilot. */
class GenerateCommandTest {

  @TempDir Path folder;

  @Test
  void aProvinceSizedCampaignFileIsWrittenThatStartUpAccepts() throws Exception {
    Path file = folder.resolve("tinh.yaml");
    long start = System.nanoTime();
    int exit = GenerateCommand.run(new String[] {"--generate-campaign=2000", "--cells=5", "--output=" + file});
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(exit).isZero();
    var campaign = new CampaignFileReader().read(file);
    var template = new CampaignFileReader().read(Path.of("config/campaigns/yen-khanh-2020-2025.yaml"));
    System.out.printf("Generated campaign file: 2,000 x 5, %.1f MB in %d ms%n", Files.size(file) / 1048576.0, millis);
    assertThat(campaign.organisationList()).hasSize(2000);
    assertThat(campaign.cells()).hasSize(10_000);
    assertThat(campaign.deadlines()).as("the seed's dates").isEqualTo(template.deadlines());
    assertThat(campaign.organisationList().get(0).id()).isEqualTo(template.pilot().organisation());
    var ids = new HashSet<String>();
    campaign.organisationList().forEach(organisation -> ids.add(organisation.id()));
    campaign.cells().map(Cell::id).forEach(ids::add);
    assertThat(ids).as("every id once").hasSize(12_000);
    assertThat(campaign.organisationList()).extracting(Organisation::name).allMatch(name -> name.startsWith("Đảng bộ xã "))
        .anyMatch(name -> name.matches(".*[ăâđêôơưáàảãạ].*"));
  }

  @Test
  void withoutASizeOrAFileToWriteNothingIsWritten() throws Exception {
    assertThat(GenerateCommand.run(new String[] {"--generate-campaign=nhiều", "--output=" + folder.resolve("a.yaml")}))
        .isEqualTo(2);
    assertThat(GenerateCommand.run(new String[] {"--generate-campaign=10"})).isEqualTo(2);
    try (var files = Files.list(folder)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void namesBecomeAsciiIds() {
    assertThat(GenerateCommand.slug("Đông Hưng")).isEqualTo("dong-hung");
  }
}
