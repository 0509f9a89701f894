package org.congressflow.congress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.congressflow.support.CampaignBuilder.aCampaign;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowTest;
import org.congressflow.support.FormSamples;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Fifty users at once: the officers of fifty sibling cells and their base committee's leaders complete every step
 * and gate of the fifty cell congresses at the same moment, with the engine's own job executor running the
 * continuations, as in production. Nobody sees an error, no instance is stuck, the base congress goes on once.
 */
@CongressFlowTest
class ConcurrentUsersProcessTest {

  private static final String BASE = "khanh-an";
  private static final int CELLS = 50;

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;

  @Test
  void fiftyUsersCompletingSiblingCellsAndTheirGatesAtOnceSeeNoErrorAndLeaveNothingStuck() throws Exception {
    var campaign = CampaignDriver.launch(engine, launcher,
        aCampaign().withBaseCommittee(BASE).withCells(CELLS).build());
    campaign.moveTo(LocalDate.of(2020, 3, 1));
    var cells = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("cell-congress")
        .variableValueEquals("campaignId", campaign.campaignId()).list().stream()
        .map(instance -> instance.getBusinessKey()).filter(cell -> cell.startsWith(BASE + "-")).toList();
    assertThat(cells).hasSize(CELLS);

    var jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    var errors = new ConcurrentLinkedQueue<String>();
    var completed = new AtomicInteger();
    var start = new CountDownLatch(1);
    var users = Executors.newFixedThreadPool(CELLS);
    // the test database holds other tests' campaigns: their jobs wait while the job executor runs for this one
    var othersJobs = campaign.suspendOtherCampaignsJobs();
    long began = System.nanoTime();
    jobExecutor.start();
    try {
      var work = new ArrayList<Future<?>>();
      for (String cell : cells) {
        work.add(users.submit(() -> {
          start.await();
          runCellCongress(campaign, cell, errors, completed);
          return null;
        }));
      }
      start.countDown();
      for (var user : work) {
        user.get(5, TimeUnit.MINUTES);
      }
      waitUntilNoJobIsLeft(campaign.campaignId(), cells);
    } finally {
      users.shutdownNow();
      jobExecutor.shutdown();
      campaign.activateJobs(othersJobs);
    }
    long millis = Duration.ofNanos(System.nanoTime() - began).toMillis();

    long stuckCells = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("cell-congress")
        .variableValueEquals("campaignId", campaign.campaignId()).list().stream()
        .filter(instance -> cells.contains(instance.getBusinessKey())).count();
    // of this campaign only: the test database holds other tests' campaigns too
    var instances = campaign.processInstanceIds();
    long incidents = engine.getRuntimeService().createIncidentQuery().list().stream()
        .filter(incident -> instances.contains(incident.getProcessInstanceId())).count();
    long failedJobs = engine.getManagementService().createJobQuery().noRetriesLeft().list().stream()
        .filter(job -> instances.contains(job.getProcessInstanceId())).count();
    long retriedJobs = engine.getHistoryService().createHistoricJobLogQuery().failureLog().list().stream()
        .filter(log -> instances.contains(log.getProcessInstanceId())).count();
    System.out.printf("Concurrent users: %d users, %d completions in %d ms (%.1f/s), errors shown %d, stuck cell"
        + " congresses %d, incidents %d, failed jobs %d, job attempts retried %d%n", CELLS, completed.get(), millis,
        completed.get() * 1000.0 / millis, errors.size(), stuckCells, incidents, failedJobs, retriedJobs);
    assertThat(errors).as("errors shown to a user").isEmpty();
    assertThat(completed.get()).isEqualTo(CELLS * 7);
    assertThat(stuckCells).as("cell congresses not ended").isZero();
    assertThat(incidents).isZero();
    assertThat(failedJobs).isZero();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(campaign.congress(BASE).getId()).activityId("CellCongresses#multiInstanceBody").finished()
        .count()).as("the base congress's cell congresses ended once, all fifty").isEqualTo(1);
  }

  /** One user's day: every step of their cell's congress, each gate decided by the base committee's leaders. */
  private void runCellCongress(CampaignDriver campaign, String cell, ConcurrentLinkedQueue<String> errors,
      AtomicInteger completed) throws InterruptedException {
    for (String step : List.of("PrepareCongressPlan", "DraftCongressDocuments", "ApproveDocuments", "ProposePersonnel",
        "ApprovePersonnelPlan", "HoldCongress", "RatifyResults")) {
      Task task = waitForTask(campaign, cell, step);
      Map<String, Object> answer = CampaignDriver.GATES.contains(step)
          ? Map.of("decision", "approve", "comment", "Đồng ý")
          : step.equals("HoldCongress") ? CampaignDriver.results(LocalDate.of(2020, 3, 1), 3, 0) : Map.of();
      String group = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).map(link -> link.getGroupId())
          .findFirst().orElseThrow();
      CampaignDriver.authenticate(engine, "user-of-" + group, List.of(group));
      try {
        engine.getTaskService().complete(task.getId(), FormSamples.forTask(task.getTaskDefinitionKey(), answer));
        completed.incrementAndGet();
      } catch (RuntimeException e) {
        errors.add(cell + " " + step + ": " + e.getMessage());
        return;
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
    }
  }

  /** The step's task, once the job executor has run what comes before it. */
  private Task waitForTask(CampaignDriver campaign, String cell, String step) throws InterruptedException {
    for (int attempt = 0; attempt < 600; attempt++) {
      var query = engine.getTaskService().createTaskQuery().processVariableValueEquals("campaignId",
          campaign.campaignId()).processInstanceBusinessKey(cell);
      var tasks = CampaignDriver.GATES.contains(step) // decided in the approval gate the congress called
          ? query.taskDefinitionKey("DecideGate").processVariableValueEquals("gateStep", step).list()
          : query.taskDefinitionKey(step).list();
      if (!tasks.isEmpty()) {
        return tasks.get(0);
      }
      Thread.sleep(100); // waiting for the job executor, not for a timer
    }
    throw new AssertionError(cell + " never reached " + step);
  }

  private void waitUntilNoJobIsLeft(String campaignId, List<String> cells) throws InterruptedException {
    for (int attempt = 0; attempt < 1200; attempt++) {
      boolean cellsRunning = engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey("cell-congress").variableValueEquals("campaignId", campaignId).list().stream()
          .anyMatch(instance -> cells.contains(instance.getBusinessKey()));
      if (!cellsRunning && engine.getManagementService().createJobQuery().executable().count() == 0) {
        return;
      }
      Thread.sleep(100);
    }
  }
}
