package org.congressflow.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The benchmark's own databases on the server: each measurement starts from an empty one. */
final class Databases {

  private Databases() {}

  static void recreate(BenchmarkOptions options, String database) {
    try (Connection admin = DriverManager.getConnection(options.url("postgres"), options.user(), options.password());
        var statement = admin.createStatement()) {
      statement.execute("drop database if exists " + database + " with (force)");
      statement.execute("create database " + database);
      if (options.slowSqlMillis() >= 0) {
        // PostgreSQL's log then has each statement slower than that, with its parameters (to EXPLAIN it)
        statement.execute("alter database " + database + " set log_min_duration_statement = " + options.slowSqlMillis());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot recreate database " + database + ": " + e.getMessage(), e);
    }
  }

  static Connection connect(BenchmarkOptions options, String database) throws SQLException {
    return DriverManager.getConnection(options.url(database), options.user(), options.password());
  }

  static long count(Connection connection, String sql) throws SQLException {
    try (var statement = connection.createStatement(); var rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
