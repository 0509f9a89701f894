package org.congressflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.congressflow.organisation.Groups;
import org.congressflow.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Failed logins slow down the client that fails, never the account: over real HTTP, with clients told apart by
 * X-Forwarded-For from a trusted proxy (127.0.0.1), and the throttle's time moved by a test clock; on H2 and, in the
 * second Surefire execution, on PostgreSQL, where the failures are counted for every node.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.config.location=classpath:/",
    "congressflow.security.trusted-proxies=127.0.0.1,0:0:0:0:0:0:0:1"})
@ActiveProfiles(resolver = TestDatabase.class)
@Import(LoginThrottleTest.TestClock.class)
class LoginThrottleTest {

  private static final String ADMIN_PASSWORD = "Ki3m-Tra-Tu-Dong#2025"; // application-test.yaml
  private static final String PASSWORD = "Uy-Vien#Thuong-Vu-2020";

  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired MovableClock clock;
  @Autowired LoginThrottleProperties throttleSettings;
  @Autowired ObjectProvider<Clock> clocks;
  @Autowired PlatformTransactionManager transactions;
  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void users() {
    jdbc.update("delete from cf_login_failure"); // the failures of other test classes on this database
    user("standing-committee-member");
    user("organisation-board-officer");
    user("staff-throttle-test");
    if (identity.createGroupQuery().groupId("throttle-test-staff").count() == 0) {
      identity.saveGroup(identity.newGroup("throttle-test-staff"));
      identity.createMembership("staff-throttle-test", "throttle-test-staff");
    }
  }

  @Test
  void thirtyWrongPasswordsFromOneClientDoNotStopTheRealUserElsewhere() throws Exception {
    for (int attempt = 1; attempt <= 30; attempt++) {
      var response = basic("/api/me", "10.0.0.1", "standing-committee-member", "doan-" + attempt);
      assertThat(response.statusCode()).as("attempt %d", attempt).isEqualTo(attempt <= 5 ? 401 : 429);
    }
    var throttled = basic("/api/me", "10.0.0.1", "standing-committee-member", PASSWORD);
    assertThat(throttled.statusCode()).as("even the right password, unchecked").isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(throttled.body()).contains("Đăng nhập sai quá nhiều lần");
    assertThat(lock("standing-committee-member", "10.0.0.1").get("failures").asInt())
        .as("throttled attempts never reach the password check").isEqualTo(5);

    assertThat(basic("/api/me", "10.0.0.2", "standing-committee-member", PASSWORD).statusCode()).isEqualTo(200);

    clock.advance(Duration.ofMillis(1100));
    assertThat(basic("/api/me", "10.0.0.1", "standing-committee-member", PASSWORD).statusCode()).isEqualTo(200);
    assertThat(lock("standing-committee-member", "10.0.0.1")).as("a success resets the pair").isNull();
  }

  @Test
  void theEnginesAccountLockIsNeverReached() throws Exception {
    // 75 failures from 15 addresses, far above the engine's login-max-attempts (10), on the engine REST API
    for (int client = 1; client <= 15; client++) {
      for (int attempt = 1; attempt <= 5; attempt++) {
        assertThat(basic("/engine-rest/task", "10.0.3." + client, "organisation-board-officer", "sai").statusCode())
            .isEqualTo(401);
      }
    }
    var row = jdbc.queryForMap("select ATTEMPTS_, LOCK_EXP_TIME_ from ACT_ID_USER where ID_ = ?",
        "organisation-board-officer");
    assertThat(row.get("LOCK_EXP_TIME_")).isNull();
    assertThat(row.get("ATTEMPTS_") == null ? 0 : ((Number) row.get("ATTEMPTS_")).intValue()).isZero();
    assertThat(basic("/engine-rest/task", "10.0.3.99", "organisation-board-officer", PASSWORD).statusCode())
        .isEqualTo(200);
    assertThat(identity.checkPassword("organisation-board-officer", PASSWORD)).isTrue();
  }

  @Test
  void aThrottledWebappLoginGets429AndTheRightPasswordElsewhereLogsIn() throws Exception {
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(webappLogin("10.0.1.1", "admin", "sai-" + attempt).statusCode()).isEqualTo(401);
    }
    var throttled = webappLogin("10.0.1.1", "admin", ADMIN_PASSWORD);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    assertThat(throttled.body()).contains("Vui lòng thử lại sau");

    assertThat(webappLogin("10.0.1.2", "admin", ADMIN_PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void anAdministratorListsAndLiftsALockAndStaffMayNot() throws Exception {
    for (int attempt = 1; attempt <= 5; attempt++) {
      basic("/api/me", "10.0.2.1", "organisation-board-officer", "sai");
    }
    assertThat(basic("/api/me", "10.0.2.1", "organisation-board-officer", PASSWORD).statusCode()).isEqualTo(429);

    var entry = lock("organisation-board-officer", "10.0.2.1");
    assertThat(entry.get("failures").asInt()).isEqualTo(5);
    assertThat(entry.get("lockedUntil").asText()).as("local time, Asia/Ho_Chi_Minh")
        .isEqualTo(clock.instant().plusSeconds(1).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDateTime()
            .withNano(0).toString());

    var staffList = basic("/api/admin/login-locks", null, "staff-throttle-test", PASSWORD);
    assertThat(staffList.statusCode()).isEqualTo(403);
    assertThat(staffList.body()).contains("Chỉ quản trị viên");
    assertThat(send("DELETE", "/api/admin/login-locks?account=organisation-board-officer", null,
        "staff-throttle-test", PASSWORD).statusCode()).isEqualTo(403);

    var lifted = send("DELETE", "/api/admin/login-locks?account=organisation-board-officer&client=10.0.2.1", null,
        "admin", ADMIN_PASSWORD);
    assertThat(lifted.statusCode()).isEqualTo(200);
    assertThat(lock("organisation-board-officer", "10.0.2.1")).isNull();
    assertThat(basic("/api/me", "10.0.2.1", "organisation-board-officer", PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void failuresCountedOnOneNodeThrottleTheClientOnAnotherAndSurviveARestart() throws Exception {
    var otherNode = new LoginThrottle(throttleSettings, clocks, jdbc, transactions);
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(basic("/api/me", "10.0.4.1", "standing-committee-member", "sai").statusCode()).isEqualTo(401);
    }
    assertThat(otherNode.retryAfter("10.0.4.1", "standing-committee-member")).hasValue(Duration.ofSeconds(1));

    otherNode.failed("10.0.4.1", "standing-committee-member");
    var throttled = basic("/api/me", "10.0.4.1", "standing-committee-member", PASSWORD);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).as("the sixth failure doubled the delay").hasValue("2");
  }

  @Test
  void twoNodesFailingAtOnceCountEveryFailure() throws Exception {
    var nodes = List.of(new LoginThrottle(throttleSettings, clocks, jdbc, transactions),
        new LoginThrottle(throttleSettings, clocks, jdbc, transactions));
    var pool = Executors.newFixedThreadPool(4);
    try {
      var attempts = new ArrayList<Future<?>>();
      for (int attempt = 0; attempt < 40; attempt++) {
        var node = nodes.get(attempt % 2);
        attempts.add(pool.submit(() -> node.failed("10.0.5.1", "inspection-officer")));
      }
      for (var attempt : attempts) {
        attempt.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(jdbc.queryForObject("select failures from cf_login_failure where client = ? and account = ?",
        Integer.class, "10.0.5.1", "inspection-officer")).isEqualTo(40);
    assertThat(jdbc.queryForObject("select failures from cf_login_failure where client = ? and account = ''",
        Integer.class, "10.0.5.1")).isEqualTo(40);
  }

  private JsonNode lock(String account, String client) throws Exception {
    var response = basic("/api/admin/login-locks", null, "admin", ADMIN_PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    for (JsonNode lock : new ObjectMapper().readTree(response.body())) {
      if (account.equals(lock.path("account").asText()) && client.equals(lock.path("client").asText())) {
        return lock;
      }
    }
    return null;
  }

  private HttpResponse<String> basic(String path, String client, String user, String password) throws Exception {
    return send("GET", path, client, user, password);
  }

  private HttpResponse<String> send(String method, String path, String client, String user, String password)
      throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, HttpRequest.BodyPublishers.noBody())
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    if (client != null) {
      request.header("X-Forwarded-For", client);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The webapps' login form, with the XSRF cookie of a page sent back as a header, as the browser does. */
  private HttpResponse<String> webappLogin(String client, String user, String password) throws Exception {
    var cookies = new CookieManager();
    var browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/admin/default/"))
        .header("X-Forwarded-For", client).build(), HttpResponse.BodyHandlers.ofString());
    String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return browser.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/admin"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .header("X-Forwarded-For", client).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void user(String id) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      var user = identity.newUser(id);
      user.setFirstName("Người");
      user.setLastName("Dùng thử");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
    }
  }

  @TestConfiguration
  static class TestClock {
    @Bean
    MovableClock movableClock() {
      return new MovableClock();
    }
  }

  /** A clock the test moves forward, so that delays expire without waiting. */
  static final class MovableClock extends Clock {
    private volatile Instant now = Instant.parse("2025-06-01T02:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
