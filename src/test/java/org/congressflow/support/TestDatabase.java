package org.congressflow.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Chooses the test database. For PostgreSQL it takes the server named by POSTGRES_HOST/POSTGRES_PORT/POSTGRES_USER/
 * POSTGRES_PASSWORD (default 127.0.0.1:5432, postgres) when it answers, else it starts one embedded PostgreSQL for the
 * test JVM (zonky's binaries from Maven Central, stopped at JVM exit); CONGRESSFLOW_TEST_POSTGRES={@code server}
 * or {@code embedded} takes the one without asking. On the chosen server it recreates the {@code congressflow_test}
 * database (or CONGRESSFLOW_TEST_DB) once per test JVM and sets the POSTGRES_* system properties that
 * {@code application-postgres.yaml} reads, so every context and every test that connects itself uses that server.
 */
public class TestDatabase implements ActiveProfilesResolver {

  /** Override with CONGRESSFLOW_TEST_DB when two checkouts run their tests at the same time. */
  public static final String DATABASE = env("CONGRESSFLOW_TEST_DB", "congressflow_test");
  static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(2);
  private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
  private static Server chosen;

  /** A PostgreSQL server the tests connect to; {@code description} says which one in the log. */
  record Server(String host, int port, String user, String password, String description) {
    String url(String database) {
      return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
  }

  public static boolean isPostgres() {
    return "postgres".equals(System.getProperty("congressflow.test.database"));
  }

  @Override
  public String[] resolve(Class<?> testClass) {
    if (!isPostgres()) {
      return new String[] {"test"};
    }
    preparePostgres();
    return new String[] {"test", "postgres"};
  }

  /**
   * Chooses the PostgreSQL server as the postgres execution does and sets the POSTGRES_* system properties, for a test
   * that runs on PostgreSQL in any execution and makes databases of its own there (the benchmark's smoke test).
   */
  public static void choosePostgres() {
    preparePostgres();
  }

  /** Chooses and prepares the server of this test JVM on the first call. */
  private static synchronized void preparePostgres() {
    if (chosen == null) {
      Server server = choose(env("CONGRESSFLOW_TEST_POSTGRES", "auto"), configured(), TestDatabase::embedded);
      recreateDatabase(server);
      System.setProperty("POSTGRES_HOST", server.host());
      System.setProperty("POSTGRES_PORT", Integer.toString(server.port()));
      System.setProperty("POSTGRES_USER", server.user());
      System.setProperty("POSTGRES_PASSWORD", server.password());
      System.setProperty("POSTGRES_DB", DATABASE);
      LOG.info("PostgreSQL tests on {}, database {}", server.description(), DATABASE);
      chosen = server;
    }
  }

  /** {@code auto}: the configured server when it answers, else an embedded one; {@code server}, {@code embedded}. */
  static Server choose(String mode, Server configured, Supplier<Server> embedded) {
    return switch (mode) {
      case "server" -> configured;
      case "embedded" -> embedded.get();
      case "auto" -> answers(configured) ? configured : embedded.get();
      default -> throw new IllegalArgumentException(
          "CONGRESSFLOW_TEST_POSTGRES is auto, server or embedded, not " + mode);
    };
  }

  /** Whether something accepts a connection at the server's address within {@link #ANSWER_TIMEOUT}. */
  static boolean answers(Server server) {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress(server.host(), server.port()), (int) ANSWER_TIMEOUT.toMillis());
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static Server configured() {
    String host = env("POSTGRES_HOST", "127.0.0.1");
    int port = Integer.parseInt(env("POSTGRES_PORT", "5432"));
    return new Server(host, port, env("POSTGRES_USER", "postgres"), env("POSTGRES_PASSWORD", ""), host + ":" + port);
  }

  private static Server embedded() {
    try {
      EmbeddedPostgres postgres = startEmbedded();
      // Spring Boot's shutdown hook runs this after it has closed the test contexts, which need the server until
      // then (a JVM shutdown hook of its own would run at the same time and stop the server under them)
      SpringApplication.getShutdownHandlers().add(() -> close(postgres));
      return serverOf(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("The embedded PostgreSQL does not start", e);
    }
  }

  /**
   * A new embedded PostgreSQL on a free port with a new temporary data directory; {@code close()} stops it and removes
   * the directory. As root zonky runs it in a user namespace ({@code unshare -U}), since PostgreSQL refuses root.
   */
  static EmbeddedPostgres startEmbedded() throws IOException {
    return EmbeddedPostgres.builder()
        .setServerConfig("listen_addresses", "127.0.0.1")
        .setPGStartupWait(Duration.ofSeconds(60))
        .setRegisterShutdownHook(false)
        .start();
  }

  private static void close(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("The embedded PostgreSQL at port {} does not stop", postgres.getPort(), e);
    }
  }

  static Server serverOf(EmbeddedPostgres postgres) {
    String version;
    try (var connection = postgres.getPostgresDatabase().getConnection()) {
      version = connection.getMetaData().getDatabaseProductVersion();
    } catch (SQLException e) {
      throw new IllegalStateException("The embedded PostgreSQL does not answer", e);
    }
    return new Server(InetAddress.getLoopbackAddress().getHostAddress(), postgres.getPort(), "postgres", "",
        "an embedded PostgreSQL " + version + " at port " + postgres.getPort());
  }

  private static void recreateDatabase(Server server) {
    String url = server.url("postgres");
    try (var connection = DriverManager.getConnection(url, server.user(), server.password());
        var statement = connection.createStatement()) {
      statement.execute("drop database if exists " + DATABASE + " with (force)");
      statement.execute("create database " + DATABASE + " encoding 'UTF8'");
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL test database cannot be created at " + url
          + " (is the server running? check POSTGRES_USER and POSTGRES_PASSWORD)", e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
