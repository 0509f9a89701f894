package org.congressflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.congressflow.organisation.Groups;
import org.congressflow.support.Operator;
import org.congressflow.support.TestSmtp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Health and metrics moved to a port of their own ({@code management.server.port}), where the server port's
 * servlet filters do not run: the same rules hold there, login throttle included, and the server port serves none.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.config.location=classpath:/",
    "spring.datasource.url=jdbc:h2:mem:congressflow-management-port;DB_CLOSE_DELAY=-1",
    "management.server.port=0"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestSmtp.class)
// the throttle's time stands still: its delays do not run out while the test fails logins
@Import(LoginThrottleTest.TestClock.class)
class ManagementPortTest {

  private static final String PASSWORD = "secret-123";

  @Autowired IdentityService identity;
  @LocalServerPort int serverPort;
  @LocalManagementPort int managementPort;

  @Test
  void theProbesAnswerAnyoneAndTheRestOnlyAdministratorsOnTheManagementPortAlone() throws Exception {
    var loadBalancer = Operator.anonymous(managementPort);
    var readiness = loadBalancer.get("/actuator/health/readiness");
    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(loadBalancer.get("/actuator/health").statusCode()).isEqualTo(401);
    assertThat(loadBalancer.get("/actuator/metrics").statusCode()).isEqualTo(401);
    assertThat(Operator.newMember(identity, managementPort, new Groups("yen-khanh-2020-2025").staff("khanh-an"), PASSWORD)
        .get("/actuator/health").statusCode()).isEqualTo(403);
    var admin = Operator.admin(managementPort);
    assertThat(admin.get("/actuator/health").statusCode()).isEqualTo(200);
    assertThat(admin.json("/actuator/health").get("components").has("campaigns")).isTrue();
    assertThat(admin.get("/actuator/prometheus").body()).contains("congressflow_jobs_executed_total");

    for (String path : new String[] {"/actuator/health/readiness", "/actuator/health", "/actuator/prometheus"}) {
      assertThat(Operator.admin(serverPort).get(path).statusCode()).as("server port " + path).isEqualTo(404);
    }
  }

  @Test
  void wrongPasswordsOnTheManagementPortAreThrottledAsOnTheServerPort() throws Exception {
    var administrator = Operator.newMember(identity, managementPort, Groups.ADMINS, PASSWORD);
    assertThat(administrator.get("/actuator/metrics").statusCode()).isEqualTo(200);
    var guesser = administrator.withPassword("doan-sai");
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(guesser.get("/actuator/metrics").statusCode()).as("attempt %d", attempt).isEqualTo(401);
    }
    var throttled = administrator.get("/actuator/metrics");
    assertThat(throttled.statusCode()).as("even the right password, unchecked").isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
  }
}
