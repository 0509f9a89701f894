package org.congressflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.congressflow.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The benchmark at a tiny size, so that it cannot rot: it runs every part on PostgreSQL (the tests' server, or the
 * embedded one) and prints each figure with its comparison. No figure is asserted: at this size they mean nothing.
 */
class BenchmarkSmokeTest {

  @Test
  void benchmarkPrintsEveryFigureBesideItsComparison() throws Exception {
    TestDatabase.choosePostgres();
    var printed = new ByteArrayOutputStream();
    var options = BenchmarkOptions.of(new String[] {"--organisations=3", "--cells=2", "--tasks=200",
        "--national-organisations=4", "--repeats=1", "--requests=3", "--pgbench-seconds=1",
        "--db-host=" + System.getProperty("POSTGRES_HOST"), "--db-port=" + System.getProperty("POSTGRES_PORT"),
        "--db-user=" + System.getProperty("POSTGRES_USER"), "--db-password=" + System.getProperty("POSTGRES_PASSWORD"),
        "--database=" + TestDatabase.DATABASE + "_bench"});

    new Benchmark(options, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

    String report = printed.toString(StandardCharsets.UTF_8);
    System.out.print(report);
    assertThat(report).containsPattern("P1 deadline sweep: 6 deadlines escalated in [0-9.]+ s, [0-9]+ jobs/s \\|"
        + " pgbench -N .*\\| bare engine, 6 timers: [0-9.]+ s, [0-9]+ jobs/s: ratio [0-9.]+ \\| target")
        .containsPattern("P2 launch: 3 x 2 \\(10 congresses, [0-9]+ process instances\\) in [0-9.]+ s, [0-9]+"
            + " instances/s \\| bare engine, [0-9]+ plain instances: [0-9.]+ s, [0-9]+ instances/s: ratio [0-9.]+")
        .containsPattern("P3 dashboard: progress API \\(page of 50\\) p50 [0-9.]+ ms, p95 [0-9.]+ ms \\| from Camunda's"
            + " history tables p50 [0-9.]+ ms, p95 [0-9.]+ ms: ratio \\(p95\\) [0-9.]+")
        .containsPattern("P4 Tasklist: 200 open tasks, one cell's officer \\([1-9][0-9]* tasks visible\\), filter list"
            + " p50 [0-9.]+ ms, p95 [0-9.]+ ms \\| the same as an administrator .* p50 [0-9.]+ ms")
        .containsPattern("P5 memory: heap after launch \\(after GC\\) district yen-khanh-2020-2025 \\([0-9]+"
            + " congresses\\) [0-9]+ MB \\(idle [0-9]+ MB\\), national 4 base organisations \\(13 congresses\\)"
            + " [0-9]+ MB");
  }
}
