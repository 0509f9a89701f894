package org.congressflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.congressflow.organisation.Groups;
import org.congressflow.support.CongressFlowWebTest;
import org.congressflow.support.HttpUser;
import org.congressflow.support.Operator;
import org.congressflow.support.TestSmtp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the load balancer and an operator see under /actuator, over real HTTP: the probes' status to anyone, the
 * rest to administrators only, SMTP in health but not in readiness, and the engine's jobs and incidents counted.
 */
@CongressFlowWebTest
class HealthAndMetricsTest {

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;
  @Value("${congressflow.monitoring.count-cache}") Duration countCache;
  Operator loadBalancer;
  Operator admin;
  private String deployment;

  @BeforeEach
  void operators() {
    loadBalancer = Operator.anonymous(port);
    admin = Operator.admin(port);
  }

  @AfterEach
  void cleanUp() {
    TestSmtp.start();
    if (deployment != null) {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  @Test
  void theLoadBalancerGetsTheProbesStatusWithoutLoginAndNothingElse() throws Exception {
    for (String probe : List.of("/actuator/health/readiness", "/actuator/health/liveness")) {
      var answer = loadBalancer.get(probe);
      assertThat(answer.statusCode()).as(probe).isEqualTo(200);
      assertThat(answer.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
    }
    for (String path : List.of("/actuator/health", "/actuator/health/db", "/actuator/health/readiness/db",
        "/actuator/metrics", "/actuator/metrics/congressflow.mails", "/actuator/prometheus", "/actuator")) {
      var answer = loadBalancer.get(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(401);
      assertThat(answer.headers().firstValue("WWW-Authenticate")).as(path)
          .hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
      assertThat(answer.body()).as(path).doesNotContain("status", "db", "congressflow");
    }
  }

  @Test
  void healthDetailsAndMetricsAreForAdministratorsAndStaffIsRefused() throws Exception {
    var staff = Operator.newMember(engine.getIdentityService(), port, new Groups("yen-khanh-2020-2025").staff("khanh-an"), "secret-123");
    for (String path : List.of("/actuator/health", "/actuator/metrics", "/actuator/prometheus")) {
      var refused = staff.get(path);
      assertThat(refused.statusCode()).as(path).isEqualTo(403);
      assertThat(refused.body()).as(path).contains(Groups.ADMINS).doesNotContain("status\"");
      assertThat(admin.get(path).statusCode()).as(path).isEqualTo(200);
    }
    assertThat(staff.json("/actuator/health/readiness")).as("a probe with another user's login: its status only")
        .hasSize(1);
    assertThat(HttpUser.webapp("http://localhost:" + port, Operator.ADMIN, Operator.ADMIN_PASSWORD)
        .send("GET", "/actuator/health", null, null).statusCode()).as("logged in to Cockpit").isEqualTo(200);

    var health = admin.json("/actuator/health");
    assertThat(health.get("components").fieldNames()).toIterable()
        .contains("db", "mail", "jobExecutor", "campaigns", "livenessState", "readinessState");
    assertThat(health.at("/components/jobExecutor/details/enabled").asBoolean()).as("off in the tests").isFalse();
    assertThat(health.at("/components/jobExecutor/details/dueJobs").isNumber()).isTrue();
    assertThat(health.at("/components/campaigns/details/launchOnStartup").asBoolean()).isFalse();
    assertThat(admin.json("/actuator/health/readiness").get("components").fieldNames()).toIterable()
        .containsExactlyInAnyOrder("readinessState", "db", "jobExecutor", "campaigns");

    for (String other : List.of("/actuator/env", "/actuator/beans", "/actuator/info", "/actuator/loggers",
        "/actuator/heapdump", "/actuator/threaddump", "/actuator/configprops", "/actuator/mappings")) {
      assertThat(admin.get(other).statusCode()).as(other).isEqualTo(404);
    }
    assertThat(admin.json("/actuator").get("_links").fieldNames()).toIterable()
        .allMatch(link -> link.equals("self") || link.startsWith("health") || link.startsWith("metrics")
            || link.equals("prometheus"));
  }

  @Test
  void smtpDownShowsInHealthButKeepsTheNodeInTheLoadBalancer() throws Exception {
    TestSmtp.stop();

    var health = admin.get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(admin.json("/actuator/health/mail").at("/status").asText()).isEqualTo("DOWN");
    var readiness = loadBalancer.get("/actuator/health/readiness");
    assertThat(readiness.statusCode()).as("e-mails wait in the outbox").isEqualTo(200);
    assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void jobsExecutedAndFailedAndTheIncidentOfAJobOutOfRetriesAreCounted() throws Exception {
    deployment = engine.getRepositoryService().createDeployment().addModelInstance("metrics-probe.bpmn",
        Bpmn.createExecutableProcess("metrics-probe").camundaHistoryTimeToLive(1).startEvent()
            .serviceTask("Succeeds").camundaAsyncBefore().camundaExpression("${true}")
            .serviceTask("Fails").camundaAsyncBefore().camundaExpression("${noSuchVariable}")
            .endEvent().done()).deploy().getId();
    double successful = admin.metric("congressflow.jobs.executed", "outcome:successful");
    double failed = admin.metric("congressflow.jobs.executed", "outcome:failed");
    double failedJobIncidents = admin.metric("congressflow.incidents.open", "type:failedJob");
    double withoutRetries = admin.metric("congressflow.jobs.without.retries", null);
    double due = admin.metric("congressflow.jobs.due", null);

    var instance = engine.getRuntimeService().startProcessInstanceByKey("metrics-probe").getId();
    var management = engine.getManagementService();
    Operator.nextScrape(countCache);
    assertThat(admin.metric("congressflow.jobs.due", null)).as("the first step waits for a job executor")
        .isEqualTo(due + 1);
    management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());
    String failing = management.createJobQuery().processInstanceId(instance).singleResult().getId();
    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThatThrownBy(() -> management.executeJob(failing)).isInstanceOf(ProcessEngineException.class);
    }
    Operator.nextScrape(countCache);

    assertThat(admin.metric("congressflow.jobs.executed", "outcome:successful")).isEqualTo(successful + 1);
    assertThat(admin.metric("congressflow.jobs.executed", "outcome:failed")).as("every attempt")
        .isEqualTo(failed + 3);
    assertThat(admin.metric("congressflow.jobs.without.retries", null)).isEqualTo(withoutRetries + 1);
    assertThat(admin.metric("congressflow.incidents.open", "type:failedJob")).isEqualTo(failedJobIncidents + 1);
    assertThat(admin.metric("congressflow.jobs.due", null)).as("out of retries is not due").isEqualTo(due);
    assertThat(admin.json("/actuator/health/jobExecutor").at("/details/jobsWithoutRetries").asDouble())
        .isEqualTo(withoutRetries + 1);
    assertThat(admin.get("/actuator/prometheus").body()).contains(
        "congressflow_jobs_executed_total{outcome=\"failed\"} " + (failed + 3),
        "congressflow_incidents_open{type=\"failedJob\"} " + (failedJobIncidents + 1),
        "congressflow_jobs_without_retries ", "congressflow_jobs_due ", "congressflow_mails{status=\"pending\"} ");
  }
}
