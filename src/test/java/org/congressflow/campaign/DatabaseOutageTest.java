package org.congressflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.congressflow.support.CampaignBuilder.aCampaign;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.congressflow.CongressFlowApplication;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.FormSamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * PostgreSQL restarts under a running application (an embedded server of this test's own, stopped and started
 * again on the same port and data): while it is down a completion fails and changes nothing; once it is back the
 * application reconnects by itself, the job executor goes on, and the campaign continues.
 */
class DatabaseOutageTest {

  @TempDir Path data;
  private EmbeddedPostgres postgres;

  @AfterEach
  void stop() throws Exception {
    ClockUtil.reset();
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void theApplicationReconnectsAfterPostgresRestartsAndTheCampaignGoesOn() throws Exception {
    postgres = start(0);
    int port = postgres.getPort();
    try (var app = new SpringApplicationBuilder(CongressFlowApplication.class).profiles("test", "postgres")
        .run("--spring.config.location=classpath:/", "--server.port=0", "--POSTGRES_HOST=127.0.0.1",
            "--POSTGRES_PORT=" + port, "--POSTGRES_DB=postgres", "--POSTGRES_USER=postgres",
            "--camunda.bpm.job-execution.enabled=true", "--camunda.bpm.process-engine-name=outage",
            "--spring.datasource.hikari.connection-timeout=2000")) {
      var engine = app.getBean(ProcessEngine.class);
      var campaign = CampaignDriver.launch(engine, app.getBean(CampaignLauncher.class),
          aCampaign().withBaseCommittee("khanh-an").withCells(1).build());
      var plan = campaign.task("khanh-an-cb-01", "PrepareCongressPlan");

      postgres.close();
      postgres = null;
      assertThatThrownBy(() -> engine.getTaskService().complete(plan.getId(),
          FormSamples.forTask("PrepareCongressPlan", Map.of()))).as("no database, no completion").isNotNull();

      postgres = start(port);
      waitFor(() -> engine.getTaskService().createTaskQuery().taskId(plan.getId()).count() == 1);
      engine.getTaskService().complete(plan.getId(), FormSamples.forTask("PrepareCongressPlan", Map.of()));
      assertThat(campaign.task("khanh-an-cb-01", "DraftCongressDocuments")).as("the campaign goes on").isNotNull();

      // the job executor went on too: the cell's reminder, due now, is run without anybody asking
      ClockUtil.setCurrentTime(CampaignDriver.at(LocalDate.of(2020, 3, 18)));
      var congress = campaign.congress("khanh-an-cb-01").getId();
      waitFor(() -> engine.getManagementService().createJobQuery().processInstanceId(congress).timers().executable()
          .count() == 0);
      assertThat(engine.getHistoryService().createHistoricJobLogQuery().successLog().count())
          .as("jobs run after the restart").isPositive();
    }
  }

  /** The embedded server on this test's data directory, kept across a restart; port 0: a free one. */
  private EmbeddedPostgres start(int port) throws Exception {
    Files.createDirectories(data);
    var builder = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
        .setServerConfig("listen_addresses", "127.0.0.1").setPGStartupWait(Duration.ofSeconds(60))
        .setRegisterShutdownHook(false);
    return (port == 0 ? builder : builder.setPort(port)).start();
  }

  private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
    for (int attempt = 0; attempt < 600; attempt++) {
      try {
        if (done.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException stillDown) {
        // the pool has not reconnected yet
      }
      Thread.sleep(100); // waiting for the reconnection and the job executor, not for a timer
    }
    throw new AssertionError("not done within a minute");
  }
}
