package org.congressflow.benchmark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.congressflow.CongressFlowApplication;
import org.congressflow.campaign.CampaignDefinition;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.campaign.DueDates;
import org.congressflow.support.TestSmtp;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * CongressFlow as it runs in production (profile postgres, its own settings, job executor on, SMTP to a GreenMail
 * in this JVM) on a fresh database of its own; launches a campaign and waits, by polling the database, until every
 * congress has started, whatever way the launch takes (one transaction, batches, async jobs).
 */
final class BenchApp implements AutoCloseable {

  static final String PASSWORD = "Do-Luong#2026-hieu-nang";
  private static final String CONGRESSES = "('cell-congress', 'base-congress', 'district-congress')";

  private final ConfigurableApplicationContext context;
  private final BenchmarkOptions options;
  private final String database;

  BenchApp(BenchmarkOptions options, String database) throws Exception {
    this.options = options;
    this.database = database;
    Databases.recreate(options, database);
    TestSmtp.start();
    Path noCampaigns = Files.createTempDirectory("benchmark-campaigns");
    context = new SpringApplicationBuilder(CongressFlowApplication.class).profiles("postgres")
        .run("--server.port=0", "--spring.datasource.url=" + options.url(database),
            "--spring.datasource.username=" + options.user(), "--spring.datasource.password=" + options.password(),
            "--congressflow.campaigns.location=" + noCampaigns, "--congressflow.campaigns.launch-on-startup=false",
            "--congressflow.admin.id=bench-admin", "--congressflow.admin.password=" + PASSWORD,
            "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestSmtp.port(),
            "--logging.level.root=warn", "--logging.level.org.congressflow=warn",
            "--logging.level.org.congressflow.deadline.Notifications=error", "--spring.main.banner-mode=off");
  }

  ProcessEngine engine() {
    return context.getBean(ProcessEngine.class);
  }

  Connection connect() throws SQLException {
    return Databases.connect(options, database);
  }

  /** Seconds from the launch call until every congress of the campaign has started (at the plan's date). */
  double launch(CampaignDefinition campaign) throws Exception {
    ClockUtil.setCurrentTime(DueDates.endOf(campaign.deadlines().planIssued()));
    long expected = campaign.organisationList().size() + campaign.cells().count() + 1;
    var launcher = context.getBean(CampaignLauncher.class);
    long began = System.nanoTime();
    var launch = CompletableFuture.runAsync(() -> launcher.launch(campaign, "benchmark", 0));
    try (var db = connect()) {
      Poll.until("congresses started", () -> {
        if (launch.isCompletedExceptionally()) {
          launch.join();
        }
        return Databases.count(db, "select count(*) from act_hi_procinst where proc_def_key_ in " + CONGRESSES);
      }, expected);
    }
    double seconds = BareEngine.seconds(began);
    launch.join();
    awaitNoDueJobs();
    return seconds;
  }

  /**
   * Tells the job executor that jobs are due, as a job added on this node does; otherwise an idle acquisition would
   * see the moved clock only after its back-off wait (up to a minute), which no real sweep has.
   */
  void wakeJobExecutor() {
    ((ProcessEngineConfigurationImpl) engine().getProcessEngineConfiguration()).getJobExecutor().jobWasAdded();
  }

  long processInstances() throws SQLException {
    try (var db = connect()) {
      return Databases.count(db, "select count(*) from act_hi_procinst");
    }
  }

  /** Waits until the job executor has run every job due at the engine's clock (async steps of a launch, a sweep). */
  void awaitNoDueJobs() throws Exception {
    try (var db = connect(); var statement = db.prepareStatement(
        "select count(*) from act_ru_job where retries_ > 0 and suspension_state_ = 1"
            + " and (duedate_ is null or duedate_ <= ?)")) {
      Poll.until("due jobs run", () -> {
        statement.setTimestamp(1, new java.sql.Timestamp(ClockUtil.getCurrentTime().getTime()));
        try (var rs = statement.executeQuery()) {
          rs.next();
          return -rs.getLong(1);
        }
      }, 0);
    }
  }

  /** Live heap after a full collection, in MB. */
  static double heapAfterGcMb() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
  }

  /** A user of the given groups, logging in with {@link #PASSWORD}. */
  void user(String userId, String... groupIds) {
    var identity = engine().getIdentityService();
    var user = identity.newUser(userId);
    user.setPassword(PASSWORD);
    user.setFirstName("Đo");
    user.setLastName("Hiệu năng");
    identity.saveUser(user);
    for (String group : groupIds) {
      identity.createMembership(userId, group);
    }
  }

  /** A user's browser session, logged in. */
  WebSession session(String userId) throws Exception {
    return new WebSession(port(), userId, PASSWORD);
  }

  private int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  @Override
  public void close() {
    context.close();
    ClockUtil.reset();
  }
}
