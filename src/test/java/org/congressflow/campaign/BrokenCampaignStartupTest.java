package org.congressflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.congressflow.support.CampaignBuilder.aCampaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.concurrent.atomic.AtomicBoolean;
import org.congressflow.CongressFlowApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application itself refuses to start on a broken campaign file before it opens its database, the engine or the
 * web server, and on a changed file of a running campaign before it launches anything; neither leaves anything
 * behind.
 */
class BrokenCampaignStartupTest {

  @TempDir Path folder;
  private Path campaigns;
  private String url;

  @BeforeEach
  void folders() throws Exception {
    campaigns = Files.createDirectories(folder.resolve("campaigns"));
    url = "jdbc:h2:file:" + folder.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  @Test
  void brokenCampaignFileStopsStartUpWithEveryProblemListed() throws Exception {
    String yaml = BrokenCampaignFiles.yenKhanh()
        .replace("{ id: khanh-an-cb-02,", "{ id: khanh-an-cb-01,")
        .replace("organisation: khanh-trung", "organisation: toa-an");
    Files.writeString(campaigns.resolve("yen-khanh.yaml"), yaml);

    assertThatThrownBy(() -> start(new AtomicBoolean()).close())
        .isInstanceOf(InvalidCampaignException.class)
        .hasMessageContaining("has 2 problem(s)")
        .hasMessageContaining("yen-khanh.yaml: organisations[1].cells[1].id: duplicate 'khanh-an-cb-01'")
        .hasMessageContaining("yen-khanh.yaml: pilot.organisation: 'toa-an' is a base-cell");

    assertThat(folder.resolve("db.mv.db")).as("the database was never opened, so nothing is in it").doesNotExist();
  }

  @Test
  void everyKindOfBrokenFileIsListedAtOnceBeforeTheDatabaseTheEngineAndTheWebServerStart() throws Exception {
    var kinds = BrokenCampaignFiles.all();
    kinds.forEach(broken -> broken.writeTo(campaigns));
    BrokenCampaignFiles.tooLarge(campaigns);
    var webServerStarted = new AtomicBoolean();

    assertThatThrownBy(() -> start(webServerStarted).close())
        .isInstanceOf(InvalidCampaignException.class)
        .satisfies(refusal -> {
          for (var broken : kinds) {
            for (String problem : broken.problems()) {
              assertThat(refusal.getMessage()).contains("\n  " + broken.fileName() + ": " + problem);
            }
          }
          assertThat(refusal.getMessage()).contains("\n  too-large.yaml: " + BrokenCampaignFiles.TOO_LARGE);
        });

    assertThat(kinds).hasSizeGreaterThanOrEqualTo(25);
    assertThat(folder.resolve("db.mv.db")).as("no database, so no campaign, process or deployment").doesNotExist();
    assertThat(webServerStarted).isFalse();
  }

  @Test
  void aChangedFileOfARunningCampaignStopsTheNextStartAndChangesNothing() throws Exception {
    var yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .writeValueAsString(aCampaign().withBaseCommittee("khanh-an").withCells(1).build());
    Files.writeString(campaigns.resolve("campaign.yaml"), yaml);
    start(new AtomicBoolean()).close();
    Files.writeString(campaigns.resolve("campaign.yaml"), yaml.replace("2020-06-30", "2020-07-15"));

    assertThatThrownBy(() -> start(new AtomicBoolean()).close())
        .isInstanceOf(InvalidCampaignException.class)
        .hasMessageContaining("is running (started ")
        .hasMessageContaining("campaign.yaml: deadlines.baseCongresses: 2020-06-30 → 2020-07-15");

    try (var connection = DriverManager.getConnection(url, "sa", "");
        var result = connection.createStatement().executeQuery("select (select count(*) from cf_campaign),"
            + " (select count(*) from cf_campaign where definition like '%2020-07-15%'),"
            + " (select count(*) from act_hi_procinst where proc_def_key_ = 'congress-campaign')")) {
      result.next();
      assertThat(result.getInt(1)).as("campaigns stored").isEqualTo(1);
      assertThat(result.getInt(2)).as("campaigns with the changed date").isZero();
      assertThat(result.getInt(3)).as("campaign processes started").isEqualTo(1);
    }
  }

  private ConfigurableApplicationContext start(AtomicBoolean webServerStarted) {
    return new SpringApplicationBuilder(CongressFlowApplication.class)
        .profiles("test")
        .listeners((ApplicationListener<WebServerInitializedEvent>) event -> webServerStarted.set(true))
        .run("--spring.config.location=classpath:/", "--server.port=0", "--spring.datasource.url=" + url,
            "--congressflow.campaigns.launch-on-startup=true", "--congressflow.campaigns.location=" + campaigns);
  }
}
