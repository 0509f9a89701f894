package org.congressflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.congressflow.support.CongressFlowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The counts of the engine's tables behind health and metrics, on H2 and (second Surefire execution) PostgreSQL:
 * a failed job is counted once as a job out of retries and once as an incident, however many processes above it
 * show that incident too.
 */
@CongressFlowTest
class EngineCountsTest {

  @Autowired ProcessEngine engine;
  @Autowired EngineCounts counts;
  @Value("${congressflow.monitoring.count-cache}") Duration countCache;
  private String deployment;

  @AfterEach
  void undeploy() {
    if (deployment != null) {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  @Test
  void aJobThatFailedInACalledProcessIsOneJobWithoutRetriesAndOneIncident() {
    deployment = engine.getRepositoryService().createDeployment()
        .addModelInstance("counts-caller.bpmn", Bpmn.createExecutableProcess("counts-caller")
            .camundaHistoryTimeToLive(1).startEvent().callActivity("CallFailing").calledElement("counts-failing")
            .endEvent().done())
        .addModelInstance("counts-failing.bpmn", Bpmn.createExecutableProcess("counts-failing")
            .camundaHistoryTimeToLive(1).startEvent().serviceTask("Fails").camundaAsyncBefore()
            .camundaExpression("${noSuchVariable}").endEvent().done())
        .deploy().getId();
    later(); // what earlier tests left in the counts is stale
    var before = counts.jobs();
    long incidentsBefore = counts.openIncidents().getOrDefault(Incident.FAILED_JOB_HANDLER_TYPE, 0L);

    String caller = engine.getRuntimeService().startProcessInstanceByKey("counts-caller").getId();
    var management = engine.getManagementService();
    String failing = management.createJobQuery().processDefinitionKey("counts-failing").singleResult().getId();
    assertThat(counts.jobs()).as("kept until it is stale").isEqualTo(before);
    later();
    assertThat(counts.jobs().due()).isEqualTo(before.due() + 1);
    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThatThrownBy(() -> management.executeJob(failing)).isInstanceOf(ProcessEngineException.class);
    }
    later();

    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(caller).count())
        .as("Cockpit shows it on the caller too").isEqualTo(1);
    assertThat(counts.openIncidents().get(Incident.FAILED_JOB_HANDLER_TYPE)).isEqualTo(incidentsBefore + 1);
    assertThat(counts.jobs()).isEqualTo(new EngineCounts.Jobs(before.due(), before.withoutRetries() + 1));
  }

  private void later() {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + countCache.toMillis()));
  }
}
