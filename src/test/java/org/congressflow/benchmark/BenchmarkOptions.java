package org.congressflow.benchmark;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The benchmark's sizes and where it runs; every option has the size as its default, so a bare run measures
 * what the targets are about and a developer shrinks it with {@code --organisations=200 --tasks=20000 ...}.
 */
record BenchmarkOptions(int organisations, int cells, int tasks, int nationalOrganisations, int repeats,
    int requests, String host, int port, String user, String password, String databasePrefix, String pgbench,
    int pgbenchSeconds, int slowSqlMillis) {

  static BenchmarkOptions of(String[] args) {
    Map<String, String> o = Arrays.stream(args).filter(a -> a.startsWith("--") && a.contains("="))
        .collect(Collectors.toMap(a -> a.substring(2, a.indexOf('=')), a -> a.substring(a.indexOf('=') + 1),
            (a, b) -> b));
    return new BenchmarkOptions(
        integer(o, "organisations", 10_000),
        integer(o, "cells", 5),
        integer(o, "tasks", 300_000),
        integer(o, "national-organisations", 52_000),
        integer(o, "repeats", 3),
        integer(o, "requests", 200),
        o.getOrDefault("db-host", env("POSTGRES_HOST", "127.0.0.1")),
        Integer.parseInt(o.getOrDefault("db-port", env("POSTGRES_PORT", "5432"))),
        o.getOrDefault("db-user", env("POSTGRES_USER", "postgres")),
        o.getOrDefault("db-password", env("POSTGRES_PASSWORD", "")),
        o.getOrDefault("database", "congressflow_bench"),
        o.getOrDefault("pgbench", "pgbench"),
        integer(o, "pgbench-seconds", 20),
        integer(o, "log-sql-over-ms", -1));
  }

  String url(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** The deadlines of P1: one per cell of the P2 campaign (10,000 x 5 = 50,000). */
  int deadlines() {
    return organisations * cells;
  }

  private static int integer(Map<String, String> options, String name, int byDefault) {
    return Integer.parseInt(options.getOrDefault(name, Integer.toString(byDefault)).replace("_", ""));
  }

  private static String env(String name, String byDefault) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? byDefault : value;
  }
}
