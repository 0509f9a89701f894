package org.congressflow.campaign;

import org.congressflow.organisation.Groups;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The packaged application as a separate OS process on PostgreSQL (an embedded server of this test's own), sending
 * to a real SMTP server (GreenMail) in the test JVM, is killed with SIGKILL at chosen moments and started again on
 * the same database: during the campaign launch, during the deadline sweep (some escalations written, not all), and
 * while the e-mails of the sweep are being sent. The campaign's dates lie in the past, so on start every cell's
 * deadline is overdue and its watch escalates at once, on the real clock. After the last restart nothing is lost
 * and nothing is there twice: one escalation task and one e-mail per late cell, each e-mail received once. Then the
 * campaign is played to its end over the REST API ({@link CampaignOverRest}): every task there at a kill is
 * completed exactly once, every decision is in the record, no timer is left due, no e-mail lost or received twice.
 */
class CrashRecoveryTest {

  private static final String ADMIN = "crash-admin";
  private static final String ADMIN_PASSWORD = "Crash-Test-Admin-2026!";
  private static final String LEADER_PASSWORD = "Leader-Password-2026!";
  private static final String BASE = "khanh-trung";
  /** The second base committee, with one cell: its congress waits for the pilot's lessons. */
  private static final String OTHER_BASE = "khanh-an";
  private static final String DISTRICT = "huyen-crash";
  /** The groups of the campaign 'crash-test' (its tenant). */
  private static final Groups GROUPS = new Groups("crash-test");
  private static final int PILOT_CELLS = 24;
  /** Every cell is late at the start: the pilot's and the other base committee's one. */
  private static final int CELLS = PILOT_CELLS + 1;
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final Duration CAMPAIGN_TIMEOUT = Duration.ofMinutes(4);

  @TempDir Path temp;
  private EmbeddedPostgres postgres;
  private GreenMail smtp;
  private Process app;
  private StallingSmtpProxy proxy;
  private JdbcTemplate db;
  private int httpPort;
  private int appRun;
  private final List<String> kills = new ArrayList<>();
  /** The tasks in the database right after each kill. */
  private final java.util.Set<String> tasksAtKills = new java.util.LinkedHashSet<>();

  @AfterEach
  void stop() throws Exception {
    if (app != null && app.isAlive()) {
      app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    if (proxy != null) {
      proxy.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void killedAtChosenMomentsTheApplicationLosesNothingAndMailsNothingTwice() throws Exception {
    Path data = Files.createDirectories(temp.resolve("pgdata"));
    postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
        .setServerConfig("listen_addresses", "127.0.0.1").setPGStartupWait(Duration.ofSeconds(60))
        .setRegisterShutdownHook(false).start();
    DataSource dataSource = postgres.getPostgresDatabase();
    db = new JdbcTemplate(dataSource);
    smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    proxy = new StallingSmtpProxy(smtp.getSmtp().getPort());
    httpPort = freePort();

    // 0. a first start without the campaign: the administrator is created; the base committee's leaders (the
    // cells' escalation group) get a member with an e-mail address over the engine REST API, as an operator would
    Path noCampaigns = Files.createDirectories(temp.resolve("none"));
    start(noCampaigns, false);
    awaitLog("Started CongressFlowApplication");
    rest("POST", "/engine-rest/group/create", """
        {"id": "%s", "name": "Ban thường vụ Đảng ủy %s", "type": "WORKFLOW"}""".formatted(GROUPS.leaders(BASE), BASE));
    rest("POST", "/engine-rest/user/create", """
        {"profile": {"id": "leader-1", "firstName": "Lãnh", "lastName": "Đạo", "email": "leader-1@example.vn"},
         "credentials": {"password": "%s"}}""".formatted(LEADER_PASSWORD));
    rest("PUT", "/engine-rest/group/" + GROUPS.leaders(BASE) + "/members/leader-1", null);
    rest("POST", "/engine-rest/group/create", """
        {"id": "%s", "name": "Ban thường vụ Đảng ủy %s", "type": "WORKFLOW"}""".formatted(GROUPS.leaders(OTHER_BASE),
        OTHER_BASE));
    rest("PUT", "/engine-rest/group/" + GROUPS.leaders(OTHER_BASE) + "/members/leader-1", null);
    kill("after the set-up of users (not a crash moment of the test)");

    Path campaigns = Files.createDirectories(temp.resolve("campaigns"));
    Files.writeString(campaigns.resolve("crash.yaml"), campaignFile(LocalDate.now()), StandardCharsets.UTF_8);

    // 1. during the launch: start-up has begun launching the campaign (the runners run after this line)
    start(campaigns, true);
    awaitLog("Started CongressFlowApplication");
    int launchedAtKill = count("select count(*) from cf_campaign where id = 'crash-test'");
    kill("during the launch (campaign committed at the kill: " + (launchedAtKill == 1) + ")");

    // 2. during the deadline sweep: some escalation tasks written, not all
    start(campaigns, true);
    await(() -> escalations() >= 3, "first escalations");
    int escalationsAtKill2 = escalations();
    kill("during the deadline sweep (" + escalationsAtKill2 + " of " + CELLS + " escalations)");

    // 3. during an e-mail send: its content transmitted, the server's answer not yet given (the relay holds back
    // its end); this kill is outside the outbox's known window (accepted by the server, not yet marked sent), which
    // would give the recipients a second copy: README "Deadlines, reminders, escalations and e-mail"
    proxy.stall(true);
    start(campaigns, true);
    await(() -> proxy.held() > 0, "an e-mail send cut off before the server's answer");
    int escalationsAtKill3 = escalations();
    int sentAtKill3 = sentRows();
    int receivedAtKill3 = smtp.getReceivedMessages().length;
    kill("during an e-mail send, before the server's answer (" + escalationsAtKill3 + " escalations, " + sentAtKill3 + " e-mails marked sent, "
        + receivedAtKill3 + " received)");
    int sendingAfterKill3 = count("select count(*) from cf_notification where status = 'sending'");
    proxy.stall(false);

    // 4. right after a decision: the base committee's leaders decide one escalation (committed), then the kill
    start(campaigns, true);
    awaitLog("Started CongressFlowApplication");
    String task = db.queryForObject("select id_ from act_ru_task where task_def_key_ = 'HandleMissedDeadline'"
        + " order by create_time_, id_ fetch first 1 rows only", String.class);
    var users = new CampaignOverRest("http://127.0.0.1:" + httpPort, ADMIN, ADMIN_PASSWORD, DISTRICT,
        LocalDate.now(DueDates.ZONE));
    rest("leader-1", LEADER_PASSWORD, "POST", "/engine-rest/task/" + task + "/complete", """
        {"variables": {"escalationDecision": {"value": "assignDirector"},
         "directingMember": {"value": "Đồng chí Lãnh Đạo"},
         "reason": {"value": "Phân công đồng chí ủy viên chỉ đạo chi bộ tổ chức đại hội"}}}""");
    users.countCompletion(task, "HandleMissedDeadline");
    int decisionsBeforeKill = count("select count(*) from cf_decision");
    var decisionIdsBeforeKill = db.queryForList("select id from cf_decision", Long.class);
    kill("right after a decision on an escalation (" + decisionsBeforeKill + " decision recorded)");

    // 5. the last run finishes the sweep and the outbox (a row left 'sending' is taken over after the lease)
    start(campaigns, true);
    await(() -> escalations() == CELLS && sentRows() == CELLS && new java.util.HashSet<>(received()).size() == CELLS
        && dueTimers() == 0, "the sweep and the outbox finished");

    int launched = count("select count(*) from cf_campaign where id = 'crash-test'");
    int campaignInstances = count("select count(*) from act_ru_execution e join act_re_procdef d"
        + " on e.proc_def_id_ = d.id_ where d.key_ = 'congress-campaign' and e.parent_id_ is null");
    int cellsEscalated = count("select count(distinct organisation_id) from cf_notification where kind = 'escalation'");
    int escalationRows = count("select count(*) from cf_notification where kind = 'escalation'");
    int watches = count("select count(*) from act_ru_execution e join act_re_procdef d on e.proc_def_id_ = d.id_"
        + " where d.key_ = 'deadline-watch' and e.parent_id_ is null");
    int watchTimers = count("select count(distinct j.process_instance_id_) from act_ru_job j join act_re_procdef d"
        + " on j.process_def_id_ = d.id_ where d.key_ = 'deadline-watch' and j.type_ = 'timer'");
    int unsent = count("select count(*) from cf_notification where status not in ('sent', 'skipped')");
    var byMessageId = new HashMap<String, Integer>();
    received().forEach(id -> byMessageId.merge(id, 1, Integer::sum));
    int twice = (int) byMessageId.values().stream().filter(n -> n > 1).count();
    var sentIds = db.queryForList("select message_id from cf_notification where status = 'sent'", String.class);
    int sentNotReceived = (int) sentIds.stream().filter(id -> !byMessageId.containsKey(id)).count();
    int escalationTasks = escalations();
    int decisions = count("select count(*) from cf_decision");

    var figures = new LinkedHashMap<String, Object>();
    figures.put("kills (SIGKILL, exit 137)", kills);
    figures.put("campaign launched (cf_campaign rows / campaign instances)", launched + " / " + campaignInstances);
    figures.put("late cells", CELLS);
    figures.put("escalation tasks", escalationTasks);
    figures.put("escalation tasks lost", Math.max(0, CELLS - escalationTasks));
    figures.put("escalation tasks twice", Math.max(0, escalationTasks - CELLS));
    figures.put("escalation e-mails written (rows / cells)", escalationRows + " / " + cellsEscalated);
    figures.put("deadline watches running / with their next timer", watches + " / " + watchTimers);
    figures.put("timers due and not fired (lost)", dueTimers());
    figures.put("decisions recorded before the kill / there at the end", decisionsBeforeKill + " / " + decisions);
    figures.put("e-mails left 'sending' by the kill during the sends (taken over after the lease)", sendingAfterKill3);
    figures.put("e-mails not sent (lost in the outbox)", unsent);
    figures.put("e-mails sent but not received (lost)", sentNotReceived);
    figures.put("e-mails received", received().size());
    figures.put("e-mails received twice", twice);
    System.out.println("CrashRecoveryTest figures:");
    figures.forEach((name, value) -> System.out.println("  " + name + ": " + value));

    assertThat(launched).as("campaign launched once").isEqualTo(1);
    assertThat(campaignInstances).as("one campaign process").isEqualTo(1);
    assertThat(escalationTasks).as("one escalation task per late cell").isEqualTo(CELLS);
    assertThat(escalationRows).as("one escalation e-mail per late cell").isEqualTo(CELLS);
    assertThat(cellsEscalated).isEqualTo(CELLS);
    assertThat(watchTimers).as("every running watch has its next timer").isEqualTo(watches);
    assertThat(dueTimers()).as("timers lost").isZero();
    assertThat(decisionsBeforeKill).as("the decision recorded").isPositive();
    assertThat(decisions).as("decisions lost").isEqualTo(decisionsBeforeKill);
    assertThat(unsent).as("e-mails lost in the outbox").isZero();
    assertThat(sentNotReceived).as("e-mails sent and not received").isZero();
    assertThat(byMessageId).as("every e-mail received").hasSize(CELLS);
    assertThat(twice).as("e-mails received twice").isZero();

    // 6. every open task of the campaign completed over the REST API by a user of its group, to the campaign's end
    awaitLog("Started CongressFlowApplication");
    long driveStart = System.nanoTime();
    users.finish(() -> {
      if (!app.isAlive()) {
        throw new AssertionError("the application ended (" + app.exitValue() + "); its log:\n" + log());
      }
      return campaignEnded();
    }, CAMPAIGN_TIMEOUT);
    long driveSeconds = Duration.ofNanos(System.nanoTime() - driveStart).toSeconds();
    await(() -> dueTimers() == 0 && count("select count(*) from cf_notification where status not in ('sent',"
        + " 'skipped')") == 0 && received().size() >= sentMessageIds().size(), "the last timers and e-mails");
    new CampaignEndAudit(db, users, CELLS + 3).check(tasksAtKills, decisionIdsBeforeKill, received(), driveSeconds);
    kill("at the end");
  }

  private boolean campaignEnded() {
    return count("select count(*) from act_hi_procinst p join act_re_procdef d on p.proc_def_id_ = d.id_"
        + " where d.key_ = 'congress-campaign' and p.end_time_ is not null") == 1;
  }

  private List<String> sentMessageIds() {
    return db.queryForList("select message_id from cf_notification where status = 'sent'", String.class);
  }

  /**
   * The smallest campaign with every part: the pilot base committee with PILOT_CELLS cells, one more base committee
   * with one cell, the district congress, their welcoming works and quality reviews. The cells' deadline was the day
   * before yesterday; the other deadlines are ahead.
   */
  private static String campaignFile(LocalDate today) {
    var cells = new StringBuilder();
    for (int i = 1; i <= PILOT_CELLS; i++) {
      cells.append("      - { id: %s-cb-%02d, name: \"Chi bộ số %d\", members: 20 }\n".formatted(BASE, i, i));
    }
    return """
        id: crash-test
        name: "Đợt đại hội thử sự cố"
        term: "2025-2030"
        illustrativeCounts: true
        district: { id: %s, name: "Đảng bộ huyện thử", congressName: "Đại hội huyện", congressNumber: 24,
                    delegates: 298 }
        superior: { id: tinh-crash, name: "Tỉnh ủy thử" }
        pilot: { organisation: %s }
        deadlines:
          planIssued: %s
          cellCongresses: %s
          pilotCongress: %s
          pilotLessons: %s
          baseCongresses: %s
          districtCongress: %s
        organisations:
          - id: %s
            name: "Đảng bộ xã Khánh Trung"
            type: base-committee
            kind: commune
            members: 480
            cells:
        %s  - id: %s
            name: "Đảng bộ xã Khánh An"
            type: base-committee
            kind: commune
            members: 150
            cells:
              - { id: %s-cb-01, name: "Chi bộ xóm 1", members: 20 }
        """.formatted(DISTRICT, BASE, today.minusDays(40), today.minusDays(2), today.plusDays(30),
        today.plusDays(45), today.plusDays(90), today.plusDays(150), BASE, cells, OTHER_BASE, OTHER_BASE);
  }

  private void start(Path campaigns, boolean launch) throws IOException {
    appRun++;
    Path log = Files.createDirectories(Path.of("target", "crash-test").toAbsolutePath()).resolve("app-" + appRun + ".log");
    Files.deleteIfExists(log);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var command = List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        "org.congressflow.CongressFlowApplication", "--spring.config.location=classpath:/",
        "--spring.profiles.active=postgres", "--server.port=" + httpPort,
        "--POSTGRES_HOST=127.0.0.1", "--POSTGRES_PORT=" + postgres.getPort(), "--POSTGRES_DB=postgres",
        "--POSTGRES_USER=postgres", "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + proxy.port(),
        "--congressflow.campaigns.location=" + campaigns.toAbsolutePath(),
        "--congressflow.campaigns.launch-on-startup=" + launch,
        "--congressflow.mail.poll-interval=1s", "--congressflow.mail.lease=5s",
        "--congressflow.mail.first-retry-delay=1s",
        // a job a killed node had acquired is locked for this long before another run takes it (default 5 min)
        "--camunda.bpm.job-execution.lock-time-in-millis=10000", "--management.health.mail.enabled=false");
    // its own working directory: the project folder (processes/ next to target/classes) would deploy twice
    Path workDir = Files.createDirectories(temp.resolve("work"));
    var builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toAbsolutePath().toFile());
    builder.environment().put("CONGRESSFLOW_ADMIN_ID", ADMIN);
    builder.environment().put("CONGRESSFLOW_ADMIN_PASSWORD", ADMIN_PASSWORD);
    app = builder.start();
  }

  private void kill(String moment) throws InterruptedException {
    app.destroyForcibly();
    assertThat(app.waitFor(30, TimeUnit.SECONDS)).as("killed").isTrue();
    assertThat(app.exitValue()).as("SIGKILL").isEqualTo(137);
    kills.add("run " + appRun + ": " + moment);
    try {
      tasksAtKills.addAll(db.queryForList("select id_ from act_ru_task", String.class));
    } catch (RuntimeException noTablesYet) {
      // the first run is killed before a campaign exists
    }
  }

  private String log() {
    try {
      return Files.readString(Path.of("target", "crash-test", "app-" + appRun + ".log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private void awaitLog(String line) throws InterruptedException {
    await(() -> log().contains(line), "log line '" + line + "'");
  }

  private void await(BooleanSupplier done, String what) throws InterruptedException {
    long end = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < end) {
      if (!app.isAlive()) {
        throw new AssertionError("the application ended (" + app.exitValue() + ") waiting for " + what
            + "; its log:\n" + log());
      }
      try {
        if (done.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException notYet) {
        // tables not there yet, or the application not answering yet
      }
      Thread.sleep(50); // polling the other process and the database, not waiting for a time to pass
    }
    throw new AssertionError("not within " + TIMEOUT + ": " + what + "; " + state() + "; its log:\n" + log());
  }

  private void rest(String method, String path, String json) throws Exception {
    rest(ADMIN, ADMIN_PASSWORD, method, path, json);
  }

  private void rest(String user, String password, String method, String path, String json) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .build();
    var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
  }

  private String state() {
    try {
      return "escalation tasks " + escalations() + ", outbox " + db.queryForList(
          "select kind, status, count(*) n from cf_notification group by kind, status") + ", received "
          + smtp.getReceivedMessages().length + ", jobs " + db.queryForList("select type_, retries_, duedate_ <= "
          + "current_timestamp due, count(*) n from act_ru_job group by type_, retries_, duedate_ <= current_timestamp")
          + ", now " + db.queryForObject("select current_timestamp", String.class);
    } catch (RuntimeException e) {
      return "state unknown: " + e;
    }
  }

  private int count(String sql) {
    return db.queryForObject(sql, Integer.class);
  }

  private int escalations() {
    // running or completed (one is decided before a kill)
    return count("select count(*) from act_hi_taskinst where task_def_key_ = 'HandleMissedDeadline'");
  }

  private int sentRows() {
    return count("select count(*) from cf_notification where kind = 'escalation' and status = 'sent'");
  }

  private int dueTimers() {
    return count("select count(*) from act_ru_job where type_ = 'timer' and duedate_ <= current_timestamp");
  }

  private List<String> received() {
    return java.util.Arrays.stream(smtp.getReceivedMessages()).map(message -> {
      try {
        return message.getMessageID();
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
