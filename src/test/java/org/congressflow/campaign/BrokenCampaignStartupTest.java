package org.congressflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.congressflow.CongressFlowApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The application itself refuses to start on a broken campaign file and leaves no campaign behind. */
class BrokenCampaignStartupTest {

  @TempDir Path folder;

  @Test
  void brokenCampaignFileStopsStartUpWithEveryProblemListed() throws Exception {
    String yaml = Files.readString(CampaignFileTest.YEN_KHANH)
        .replace("{ id: khanh-an-cb-02,", "{ id: khanh-an-cb-01,")
        .replace("organisation: khanh-trung", "organisation: toa-an");
    Files.createDirectories(folder.resolve("campaigns"));
    Files.writeString(folder.resolve("campaigns/yen-khanh.yaml"), yaml);
    String url = "jdbc:h2:file:" + folder.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";

    assertThatThrownBy(() -> new SpringApplicationBuilder(CongressFlowApplication.class)
        .profiles("test")
        .run("--spring.config.location=classpath:/", "--server.port=0", "--spring.datasource.url=" + url,
            "--congressflow.campaigns.launch-on-startup=true",
            "--congressflow.campaigns.location=" + folder.resolve("campaigns"))
        .close())
        .isInstanceOf(InvalidCampaignException.class)
        .hasMessageContaining("has 2 problem(s)")
        .hasMessageContaining("yen-khanh.yaml: organisations[1].cells[1].id: duplicate 'khanh-an-cb-01'")
        .hasMessageContaining("yen-khanh.yaml: pilot.organisation: 'toa-an' is a base-cell");

    try (var connection = DriverManager.getConnection(url, "sa", "");
        var result = connection.createStatement().executeQuery(
            "select (select count(*) from cf_campaign), (select count(*) from act_ru_execution)")) {
      result.next();
      assertThat(result.getInt(1)).as("campaigns stored").isZero();
      assertThat(result.getInt(2)).as("process executions").isZero();
    }
  }
}
