package org.congressflow.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own commit rate on this machine: {@code pgbench -N} (TPC-B without the updates of the small
 * tables: three writes and one commit per transaction) on a database of its own, as many clients as the job
 * executor has threads.
 */
final class PgBench {

  static final int CLIENTS = 4;
  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

  private final BenchmarkOptions options;
  private final String database;

  PgBench(BenchmarkOptions options) {
    this.options = options;
    this.database = options.databasePrefix() + "_pgbench";
  }

  void initialise() {
    Databases.recreate(options, database);
    run(List.of("-i", "-q", "-s", "10"));
  }

  /** Whether the command answers {@code --version} (on PATH, or where {@code --pgbench} says). */
  boolean available() {
    try {
      var process = new ProcessBuilder(options.pgbench(), "--version").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Transactions (commits) per second. */
  double commitsPerSecond() {
    String out = run(List.of("-N", "-c", Integer.toString(CLIENTS), "-j", "2", "-T",
        Integer.toString(options.pgbenchSeconds())));
    var matcher = TPS.matcher(out);
    if (!matcher.find()) {
      throw new IllegalStateException("pgbench printed no tps: " + out);
    }
    return Double.parseDouble(matcher.group(1));
  }

  private String run(List<String> arguments) {
    var command = new ArrayList<>(List.of(options.pgbench(), "-h", options.host(), "-p",
        Integer.toString(options.port()), "-U", options.user()));
    command.addAll(arguments);
    command.add(database);
    try {
      var builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("PGPASSWORD", options.password());
      var process = builder.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("pgbench does not run (Debian package postgresql-contrib): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
