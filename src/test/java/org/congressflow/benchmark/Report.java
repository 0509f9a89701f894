package org.congressflow.benchmark;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.congressflow.campaign.CampaignDefinition;

/** Prints each figure, the median over the repeats, beside its comparison and its target. */
final class Report {

  private final BenchmarkOptions options;
  private final Map<String, List<Double>> samples;
  private final CampaignDefinition campaign;
  private final CampaignDefinition national;
  private final CampaignDefinition district;

  Report(BenchmarkOptions options, Map<String, List<Double>> samples, CampaignDefinition campaign,
      CampaignDefinition national, CampaignDefinition district) {
    this.district = district;
    this.options = options;
    this.samples = samples;
    this.campaign = campaign;
    this.national = national;
  }

  void print(PrintStream out) {
    out.printf("Figures: medians over %d repeats; load average at the end: %s%n", options.repeats(),
        Machine.loadAverage());
    long deadlines = campaign.cells().count();
    double sweep = m("sweep.seconds");
    double jobsPerSecond = m("sweep.jobsPerSecond");
    double pgbench = m("pgbench");
    double bareSweep = m("bare.sweep.seconds");
    double bareJobs = options.deadlines() / bareSweep;
    out.printf("P1 deadline sweep: %d deadlines escalated in %.1f s, %.0f jobs/s | pgbench -N (%d clients) %.0f"
        + " commits/s: %.1f%% of it | bare engine, %d timers: %.1f s, %.0f jobs/s: ratio %.2f | target < 120 s and"
        + " >= 25%%: %s%n", deadlines, sweep, jobsPerSecond, PgBench.CLIENTS, pgbench, 100 * jobsPerSecond / pgbench,
        options.deadlines(), bareSweep, bareJobs, jobsPerSecond / bareJobs,
        verdict(sweep < 120 && jobsPerSecond >= 0.25 * pgbench));

    double launch = m("launch.seconds");
    double instances = m("launch.instances");
    double bareLaunch = m("bare.launch.seconds");
    out.printf("P2 launch: %d x %d (%d congresses, %.0f process instances) in %.1f s, %.0f instances/s | bare engine,"
        + " %.0f plain instances: %.1f s, %.0f instances/s: ratio %.2f | target < 60 s and >= 2x: %s%n",
        campaign.organisationList().size(), options.cells(), congresses(campaign), instances, launch,
        instances / launch, instances, bareLaunch, instances / bareLaunch, bareLaunch / launch,
        verdict(launch < 60 && bareLaunch / launch >= 2));

    out.printf("P3 dashboard: progress API (page of %d) p50 %.1f ms, p95 %.1f ms | from Camunda's history tables"
        + " p50 %.1f ms, p95 %.1f ms: ratio (p95) %.2f | target p95 < 50 ms: %s%n", Benchmark.PAGE_SIZE,
        m("progress.api.p50"), m("progress.api.p95"), m("progress.history.p50"), m("progress.history.p95"),
        m("progress.api.p95") / m("progress.history.p95"), verdict(m("progress.api.p95") < 50));

    out.printf("P4 Tasklist: %.0f open tasks, one cell's officer (%.0f tasks visible), filter list p50 %.1f ms, p95"
        + " %.1f ms | the same as an administrator (no authorization check) p50 %.1f ms, p95 %.1f ms: ratio (p95)"
        + " %.2f | target p95 < 100 ms: %s%n", m("tasks.open"), m("tasks.seen"), m("tasklist.officer.p50"),
        m("tasklist.officer.p95"), m("tasklist.admin.p50"), m("tasklist.admin.p95"),
        m("tasklist.officer.p95") / m("tasklist.admin.p95"), verdict(m("tasklist.officer.p95") < 100));

    out.printf("P5 memory: heap after launch (after GC) district %s (%d congresses) %.0f MB (idle %.0f MB),"
        + " national %d base organisations (%d congresses) %.0f MB (idle %.0f MB) | target < 512 MB and"
        + " < 1536 MB: %s%n", district.id(), congresses(district), m("heap.district"), m("heap.district.idle"),
        national.organisationList().size(), congresses(national), m("heap.national"), m("heap.national.idle"),
        verdict(m("heap.district") < 512 && m("heap.national") < 1536));
  }

  private static long congresses(CampaignDefinition campaign) {
    return campaign.organisationList().size() + campaign.cells().count() + 1;
  }

  private double m(String name) {
    return Stats.median(samples.getOrDefault(name, List.of()));
  }

  private static String verdict(boolean met) {
    return met ? "met" : "MISSED";
  }
}
