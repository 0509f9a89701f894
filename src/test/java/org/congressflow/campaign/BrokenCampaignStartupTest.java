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
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.spring.boot.starter.webapp.filter.LazyInitRegistration;
import org.congressflow.CongressFlowApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application itself refuses to start on a broken campaign file before it opens its database, the engine or the
 * web server, and on a changed file of a running campaign once the database is migrated but before the engine is
 * built and the web server opens; neither leaves anything behind, nor anything that stops the next start in the JVM.
 */
@ExtendWith(OutputCaptureExtension.class)
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
  void aChangedFileOfARunningCampaignStopsTheNextStartBeforeTheEngineAndTheWebServerAndChangesNothing(
      CapturedOutput output) throws Exception {
    var yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .writeValueAsString(aCampaign().withBaseCommittee("khanh-an").withCells(1).build());
    Files.writeString(campaigns.resolve("campaign.yaml"), yaml);
    start(new AtomicBoolean()).close();
    var before = counts();
    Files.writeString(campaigns.resolve("campaign.yaml"), yaml.replace("2020-06-30", "2020-07-15"));
    int port = freePort();
    var webServerStarted = new AtomicBoolean();
    int outputBefore = output.getOut().length();

    assertThatThrownBy(() -> start(webServerStarted, port).close())
        .satisfies(failure -> assertThat(failure).as("refused while the engine's configuration was being created")
            .hasStackTraceContaining("Error creating bean with name 'processEngineConfigurationImpl'")
            .hasStackTraceContaining("Error creating bean with name 'runningCampaignsCheck'"))
        .rootCause().isInstanceOf(InvalidCampaignException.class)
        .hasMessageContaining("is running (started ")
        .hasMessageContaining("campaign.yaml: deadlines.baseCongresses: 2020-06-30 → 2020-07-15");

    String refusedStart = output.getOut().substring(outputBefore);
    assertThat(refusedStart).as("the database was migrated first").contains("Schema \"PUBLIC\" is up to date")
        .as("no engine plugin activated, nothing auto-deployed").doesNotContain("ENGINE-12003")
        .doesNotContain("Auto-Deploying resources").as("no connector started").doesNotContain("Tomcat started");
    assertThat(webServerStarted).as("the web server never opened its port").isFalse();
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    assertThat(counts()).as("campaigns, the changed date, campaign processes, deployments, history rows, jobs")
        .isEqualTo(before);
    assertThat(before.subList(0, 3)).as("one campaign stored, none with the changed date, one campaign process")
        .containsExactly(1, 0, 1);
  }

  @Test
  void aContextStartedAfterARefusedOneServesTheWebapps() throws Exception {
    var yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .writeValueAsString(aCampaign().withBaseCommittee("khanh-an").withCells(1).build());
    Files.writeString(campaigns.resolve("campaign.yaml"), yaml);
    start(new AtomicBoolean()).close();
    Files.writeString(campaigns.resolve("campaign.yaml"), yaml.replace("2020-06-30", "2020-07-15"));
    assertThatThrownBy(() -> start(new AtomicBoolean()).close()).rootCause()
        .isInstanceOf(InvalidCampaignException.class);
    assertThat(WebappFilters.left()).as("Camunda's webapp filters of the refused start, left for the next start")
        .isZero();
    Files.writeString(campaigns.resolve("campaign.yaml"), yaml);

    try (var context = start(new AtomicBoolean())) {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      var client = HttpClient.newHttpClient();
      for (String page : List.of("/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/",
          "/camunda/api/engine/engine/")) {
        var response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + page)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(page).isEqualTo(200);
      }
    }
  }

  /** Campaigns, campaigns with the changed date, campaign processes, deployments, history rows, jobs. */
  private List<Integer> counts() throws Exception {
    try (var connection = DriverManager.getConnection(url, "sa", "");
        var result = connection.createStatement().executeQuery("select (select count(*) from cf_campaign),"
            + " (select count(*) from cf_campaign where definition like '%2020-07-15%'),"
            + " (select count(*) from act_hi_procinst where proc_def_key_ = 'congress-campaign'),"
            + " (select count(*) from act_re_deployment), (select count(*) from act_hi_actinst),"
            + " (select count(*) from act_ru_job)")) {
      result.next();
      var counts = new ArrayList<Integer>();
      for (int column = 1; column <= 6; column++) {
        counts.add(result.getInt(column));
      }
      return counts;
    }
  }

  /** What Camunda's webapp starter keeps for the next context in its static fields. */
  private static final class WebappFilters extends LazyInitRegistration {
    static int left() {
      return REGISTRATION.size() + (APPLICATION_CONTEXT == null ? 0 : 1);
    }
  }

  private static int freePort() throws Exception {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private ConfigurableApplicationContext start(AtomicBoolean webServerStarted) {
    return start(webServerStarted, 0);
  }

  private ConfigurableApplicationContext start(AtomicBoolean webServerStarted, int port) {
    return new SpringApplicationBuilder(CongressFlowApplication.class)
        .profiles("test")
        .listeners((ApplicationListener<WebServerInitializedEvent>) event -> webServerStarted.set(true))
        .run("--spring.config.location=classpath:/", "--server.port=" + port, "--spring.datasource.url=" + url,
            "--congressflow.campaigns.launch-on-startup=true", "--congressflow.campaigns.location=" + campaigns);
  }
}
