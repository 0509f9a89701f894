package org.congressflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.util.concurrent.atomic.AtomicInteger;
import org.congressflow.support.TestDatabase.Server;
import org.junit.jupiter.api.Test;

/** The PostgreSQL tests take the configured server when it answers, else an embedded one that works. */
class TestDatabaseTest {

  private static final Server EMBEDDED = new Server("127.0.0.1", 1, "postgres", "", "embedded");
  private final AtomicInteger embeddedStarts = new AtomicInteger();

  @Test
  void noServerAtTheConfiguredPortStartsTheEmbeddedOne() throws IOException {
    Server configured = server(unusedPort());

    assertThat(TestDatabase.choose("auto", configured, this::embedded)).isSameAs(EMBEDDED);
    assertThat(embeddedStarts).hasValue(1);
  }

  @Test
  void aServerThatAnswersIsUsedAndNothingIsStarted() throws IOException {
    try (var listening = new ServerSocket(0)) {
      Server configured = server(listening.getLocalPort());

      assertThat(TestDatabase.choose("auto", configured, this::embedded)).isSameAs(configured);
      assertThat(embeddedStarts).hasValue(0);
    }
  }

  @Test
  void theModeChoosesWithoutAsking() throws IOException {
    Server absent = server(unusedPort());

    assertThat(TestDatabase.choose("server", absent, this::embedded)).isSameAs(absent);
    try (var listening = new ServerSocket(0)) {
      assertThat(TestDatabase.choose("embedded", server(listening.getLocalPort()), this::embedded)).isSameAs(EMBEDDED);
    }
    assertThatThrownBy(() -> TestDatabase.choose("h2", absent, this::embedded))
        .hasMessageContaining("auto, server or embedded");
  }

  @Test
  void theEmbeddedServerRunsPostgresql15HereEvenAsRoot() throws Exception {
    try (var postgres = TestDatabase.startEmbedded()) {
      Server server = TestDatabase.serverOf(postgres);

      assertThat(TestDatabase.answers(server)).isTrue();
      try (var connection = DriverManager.getConnection(server.url("postgres"), server.user(), server.password());
          var result = connection.createStatement().executeQuery("show server_version_num")) {
        result.next();
        assertThat(result.getInt(1) / 10000).as("PostgreSQL major version").isEqualTo(15);
      }
      assertThat(server.description()).startsWith("an embedded PostgreSQL 15.");
    }
  }

  private Server embedded() {
    embeddedStarts.incrementAndGet();
    return EMBEDDED;
  }

  private static Server server(int port) {
    return new Server("127.0.0.1", port, "postgres", "", "127.0.0.1:" + port);
  }

  /** A port nothing listens on: the system's free one, given back. */
  private static int unusedPort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
