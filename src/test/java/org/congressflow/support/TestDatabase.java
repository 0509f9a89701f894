package org.congressflow.support;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Chooses the test database. For PostgreSQL it recreates the {@code congressflow_test} database (or
 * CONGRESSFLOW_TEST_DB) once per
 * test JVM on the server given by POSTGRES_HOST/POSTGRES_PORT/POSTGRES_USER (default 127.0.0.1:5432, postgres).
 */
public class TestDatabase implements ActiveProfilesResolver {

  /** Override with CONGRESSFLOW_TEST_DB when two checkouts run their tests at the same time. */
  public static final String DATABASE = env("CONGRESSFLOW_TEST_DB", "congressflow_test");
  private static boolean created;

  public static boolean isPostgres() {
    return "postgres".equals(System.getProperty("congressflow.test.database"));
  }

  @Override
  public String[] resolve(Class<?> testClass) {
    if (!isPostgres()) {
      return new String[] {"test"};
    }
    recreatePostgresDatabase();
    System.setProperty("POSTGRES_DB", DATABASE);
    return new String[] {"test", "postgres"};
  }

  private static synchronized void recreatePostgresDatabase() {
    if (created) {
      return;
    }
    String url = "jdbc:postgresql://" + env("POSTGRES_HOST", "127.0.0.1") + ":" + env("POSTGRES_PORT", "5432")
        + "/postgres";
    try (var connection = DriverManager.getConnection(url, env("POSTGRES_USER", "postgres"),
        env("POSTGRES_PASSWORD", ""));
        var statement = connection.createStatement()) {
      statement.execute("drop database if exists " + DATABASE + " with (force)");
      statement.execute("create database " + DATABASE + " encoding 'UTF8'");
      created = true;
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL test database cannot be created at " + url
          + " (is the server running? .ci/run starts it)", e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
