package org.congressflow.benchmark;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.congressflow.campaign.CampaignDefinition;
import org.congressflow.campaign.CampaignFileReader;
import org.congressflow.campaign.DueDates;
import org.congressflow.importing.GenerateCommand;
import org.congressflow.organisation.Groups;

/**
 * The benchmark of issue 11 on PostgreSQL: P1 deadline sweep, P2 launch, P3 dashboard, P4 Tasklist, P5 memory, each
 * figure the median over {@code --repeats} beside its comparison measured in the same run (pgbench, a bare Camunda
 * engine with default settings, Camunda's history tables, the same query without authorization checks, the idle
 * application). Sizes default to the issue's; see docs/performance.md for the options and how to run it.
 */
public final class Benchmark {

  static final String TEMPLATE = "config/campaigns/yen-khanh-2020-2025.yaml";
  static final int PAGE_SIZE = 50;
  private static final String BOARD_USER = "bench-board-officer";

  private final BenchmarkOptions options;
  private final PrintStream out;
  private final Map<String, List<Double>> samples = new TreeMap<>();

  Benchmark(BenchmarkOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    new Benchmark(BenchmarkOptions.of(args), System.out).run();
    System.exit(0);
  }

  void run() throws Exception {
    Locale.setDefault(Locale.ROOT);
    header();
    var pgbench = new PgBench(options);
    if (pgbench.available()) {
      pgbench.initialise();
    } else {
      out.printf("pgbench not found at %s (Debian package postgresql-contrib; --pgbench=PATH): P1 has no commit rate%n",
          options.pgbench());
    }
    Path work = Files.createTempDirectory("congressflow-benchmark");
    var campaign = generated(work, options.organisations(), options.cells(), "campaign");
    var national = generated(work, options.nationalOrganisations(), options.cells(), "national");
    var district = new CampaignFileReader().read(Path.of(TEMPLATE));
    for (int repeat = 1; repeat <= options.repeats(); repeat++) {
      out.printf("-- repeat %d of %d%n", repeat, options.repeats());
      long instances = application(campaign);
      bare(instances);
      add("pgbench", pgbench.available() ? pgbench.commitsPerSecond() : Double.NaN);
      memory("district", district);
      memory("national", national);
    }
    new Report(options, samples, campaign, national, district).print(out);
  }

  /** P2, P3, P1 and P4 on one application and database, in that order (each builds on the one before). */
  private long application(CampaignDefinition campaign) throws Exception {
    try (var app = new BenchApp(options, options.databasePrefix() + "_app")) {
      double launch = app.launch(campaign);
      long instances = app.processInstances();
      add("launch.seconds", launch);
      add("launch.instances", (double) instances);
      progress(app, campaign);
      sweep(app, campaign);
      tasklist(app, campaign);
      return instances;
    }
  }

  private void progress(BenchApp app, CampaignDefinition campaign) throws Exception {
    app.user(BOARD_USER, Groups.of(campaign).organisationBoard());
    String path = "/api/campaigns/" + campaign.id() + "/progress?page=0&size=" + PAGE_SIZE;
    var board = app.session(BOARD_USER);
    board.get(path); // warm-up
    List<Double> api = new ArrayList<>();
    List<Double> history = new ArrayList<>();
    LocalDate today = DueDates.today(ClockUtil.getCurrentTime());
    try (Connection db = app.connect()) {
      HistoryProgress.answer(db, campaign.id(), today, PAGE_SIZE);
      for (int i = 0; i < options.requests(); i++) {
        api.add(WebSession.millis(() -> board.get(path)));
        long began = System.nanoTime();
        HistoryProgress.answer(db, campaign.id(), today, PAGE_SIZE);
        history.add((System.nanoTime() - began) / 1e6);
      }
    }
    addPercentiles("progress.api", api);
    addPercentiles("progress.history", history);
  }

  /** P1: every cell's deadline passed at once (the clock moved two days past it), the job executor does the rest. */
  private void sweep(BenchApp app, CampaignDefinition campaign) throws Exception {
    long deadlines = campaign.cells().count();
    try (Connection db = app.connect()) {
      long jobsBefore = Databases.count(db, "select count(*) from act_hi_job_log where job_state_ = 2");
      ClockUtil.setCurrentTime(DueDates.endOf(campaign.deadlines().cellCongresses().plusDays(2)));
      long began = System.nanoTime();
      app.wakeJobExecutor();
      Poll.until("cells escalated", () -> Databases.count(db,
          "select count(*) from act_ru_task where task_def_key_ = 'HandleMissedDeadline'"), deadlines);
      double seconds = BareEngine.seconds(began);
      long jobs = Databases.count(db, "select count(*) from act_hi_job_log where job_state_ = 2") - jobsBefore;
      add("sweep.seconds", seconds);
      add("sweep.jobsPerSecond", jobs / seconds);
      app.awaitNoDueJobs();
    }
  }

  /** P4: one cell's officer lists the tasks of Tasklist's first filter, with the open tasks brought up to size. */
  private void tasklist(BenchApp app, CampaignDefinition campaign) throws Exception {
    long open;
    try (Connection db = app.connect()) {
      open = OpenTasks.fillUpTo(db, options.tasks());
    }
    add("tasks.open", (double) open);
    var cells = campaign.cells().toList();
    String cell = cells.isEmpty() ? campaign.organisationList().get(0).id() : cells.get(cells.size() / 2).id();
    String officer = "bench-" + cell + "-officer";
    app.user(officer, Groups.of(campaign).staff(cell));
    app.user("bench-admin-reader", Groups.ADMINS);
    var asOfficer = app.session(officer);
    var asAdmin = app.session("bench-admin-reader");
    String filter = TasklistCall.firstFilter(asOfficer);
    List<Double> officerMillis = new ArrayList<>();
    List<Double> adminMillis = new ArrayList<>();
    TasklistCall.list(asOfficer, filter);
    TasklistCall.list(asAdmin, filter);
    for (int i = 0; i < options.requests(); i++) {
      officerMillis.add(TasklistCall.timedList(asOfficer, filter));
      adminMillis.add(TasklistCall.timedList(asAdmin, filter));
    }
    add("tasks.seen", (double) TasklistCall.count(asOfficer, filter));
    addPercentiles("tasklist.officer", officerMillis);
    addPercentiles("tasklist.admin", adminMillis);
  }

  private void bare(long instances) throws Exception {
    try (var bare = new BareEngine(options)) {
      add("bare.launch.seconds", bare.launch((int) instances));
      add("bare.sweep.seconds", bare.sweep(options.deadlines()));
    }
  }

  /** P5: the live heap after a launch, beside the same application idle, each on a fresh database. */
  private void memory(String size, CampaignDefinition campaign) throws Exception {
    try (var app = new BenchApp(options, options.databasePrefix() + "_" + size)) {
      add("heap." + size + ".idle", BenchApp.heapAfterGcMb());
      app.launch(campaign);
      add("heap." + size, BenchApp.heapAfterGcMb());
    }
  }

  private CampaignDefinition generated(Path folder, int organisations, int cells, String name) throws Exception {
    Path file = folder.resolve(name + ".yaml");
    int exit = GenerateCommand.run(new String[] {"--generate-campaign=" + organisations, "--cells=" + cells,
        "--output=" + file, "--template=" + TEMPLATE});
    if (exit != 0) {
      throw new IllegalStateException("Generating " + organisations + " x " + cells + " failed (" + exit + ")");
    }
    return new CampaignFileReader().read(file);
  }

  private void header() {
    out.printf("CongressFlow benchmark: %d base organisations x %d cells (P1 %d deadlines), %d open tasks,"
        + " national %d x %d; %d repeats, %d requests each; %d cores, Java %s, max heap %d MB%n",
        options.organisations(), options.cells(), options.deadlines(), options.tasks(),
        options.nationalOrganisations(), options.cells(), options.repeats(), options.requests(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() / 1048576);
    out.printf("load average at start: %s%n", Machine.loadAverage());
  }

  private void add(String name, double value) {
    samples.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
  }

  private void addPercentiles(String name, List<Double> millis) {
    add(name + ".p50", Stats.percentile(millis, 50));
    add(name + ".p95", Stats.percentile(millis, 95));
  }
}
