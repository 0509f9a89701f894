package org.congressflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.congressflow.support.CampaignBuilder.aCampaign;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.congressflow.CongressFlowApplication;
import org.congressflow.campaign.CampaignDefinition;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.organisation.Groups;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowTest;
import org.congressflow.support.TestDatabase;
import org.congressflow.support.TestSmtp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application nodes on one database: the same due reminder run at the same moment sends one e-mail; a deadline
 * sweep of two hundred cells with both nodes' job executors running shares the work between them and still escalates
 * and mails each cell once; a task
 * completed on one node is gone on the other; a campaign launched on both at once starts once.
 */
@CongressFlowTest
class TwoNodesProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  @Value("${spring.datasource.url}") String databaseUrl;
  @Value("${spring.datasource.username}") String databaseUser;

  @Test
  void aReminderDueOnTwoNodesAtOnceIsSentOnce() throws Exception {
    var campaign = CampaignDriver.launch(engine, launcher, aCampaign().withBaseCommittee("khanh-an").withCells(1).build());
    campaign.givenUser("two-nodes-officer", campaign.groups().staff("khanh-an-cb-01"));
    TestSmtp.start();
    TestSmtp.clear();
    campaign.moveTo(LocalDate.of(2020, 3, 16));

    try (var nodeB = new SpringApplicationBuilder(CongressFlowApplication.class)
        .profiles(TestDatabase.isPostgres() ? new String[] {"test", "postgres"} : new String[] {"test"})
        .run("--spring.config.location=classpath:/", "--server.port=0", "--spring.datasource.url=" + databaseUrl,
            "--spring.datasource.username=" + databaseUser, "--camunda.bpm.process-engine-name=node-b",
            "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestSmtp.port())) {
      var engineB = nodeB.getBean(ProcessEngine.class);
      ClockUtil.setCurrentTime(CampaignDriver.at(LocalDate.of(2020, 3, 17)));
      // the alarm fires on node A; the reminder's e-mail job is then due on both nodes
      var alarm = engine.getManagementService().createJobQuery().processInstanceId(campaign.congress("khanh-an-cb-01").getId())
          .timers().executable().singleResult();
      engine.getManagementService().executeJob(alarm.getId());
      var mailJob = engine.getManagementService().createJobQuery()
          .processInstanceId(campaign.congress("khanh-an-cb-01").getId()).messages().singleResult();

      var start = new CyclicBarrier(2);
      var onA = CompletableFuture.runAsync(() -> execute(engine, mailJob.getId(), start));
      var onB = CompletableFuture.runAsync(() -> execute(engineB, mailJob.getId(), start));
      CompletableFuture.allOf(onA.exceptionally(e -> null), onB.exceptionally(e -> null)).join();
      campaign.runJobsLettingThemFail();
    }

    assertThat(TestSmtp.subjects()).filteredOn(subject -> subject.contains("Chi bộ số 1 - Đảng bộ khanh-an"))
        .containsExactly("[CongressFlow] Nhắc hạn: Chi bộ số 1 - Đảng bộ khanh-an - còn 14 ngày (hạn 31/03/2020)");
  }

  @Test
  void aDeadlineSweepOfTwoHundredCellsOnTwoNodesEscalatesAndMailsEachCellOnce() throws Exception {
    var builder = aCampaign();
    for (int base = 1; base <= BASES; base++) {
      builder.withBaseCommittee(String.format("xa-%02d", base)).withCells(CELLS_EACH);
    }
    var definition = builder.build();
    var campaign = CampaignDriver.launch(engine, launcher, definition);
    var cells = definition.cells().map(CampaignDefinition.Cell::id).toList();
    for (String cell : cells) {
      campaign.givenUser(cell + "-officer", campaign.groups().staff(cell));
    }
    for (String base : definition.organisationList().stream().map(CampaignDefinition.Organisation::id).toList()) {
      campaign.givenUser(base + "-leader", campaign.groups().leaders(base));
    }
    campaign.moveTo(LocalDate.of(2020, 3, 1));
    TestSmtp.start();
    TestSmtp.clear();
    var othersJobs = campaign.suspendOtherCampaignsJobs();
    ClockUtil.setCurrentTime(CampaignDriver.at(LocalDate.of(2020, 4, 2))); // every cell a day late

    long began = System.nanoTime();
    var configurationA = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String hostnameBefore = configurationA.getHostname();
    configurationA.setHostname(NODE_A); // the job log names the node that ran each job
    try (var nodeB = node("node-b", true)) {
      var jobExecutorA = CampaignDriver.startJobExecutor(engine);
      try {
        waitUntil(() -> campaign.escalatedOrganisations().size() == cells.size() && campaign.dueJobs() == 0);
      } finally {
        jobExecutorA.shutdown();
      }
    } finally {
      campaign.activateJobs(othersJobs);
      configurationA.setHostname(hostnameBefore);
    }
    long millis = (System.nanoTime() - began) / 1_000_000;

    var escalated = campaign.escalatedOrganisations();
    var mails = jdbc.queryForList("select message_id from cf_notification where campaign_id = ? and status = 'sent'",
        String.class, definition.id());
    var received = TestSmtp.received().stream().map(TwoNodesProcessTest::messageId).filter(mails::contains).toList();
    var instances = campaign.processInstanceIds();
    var perNode = engine.getHistoryService().createHistoricJobLogQuery().successLog().list().stream()
        .filter(log -> instances.contains(log.getProcessInstanceId()))
        .collect(java.util.stream.Collectors.groupingBy(log -> log.getHostname(), java.util.TreeMap::new,
            java.util.stream.Collectors.counting()));
    System.out.printf("Two nodes, deadline sweep: %d cells late, %d escalation tasks, %d e-mails sent, %d received,"
        + " %d ms; jobs run per node %s%n", cells.size(), escalated.size(), mails.size(), received.size(), millis,
        perNode);
    assertThat(escalated).as("one escalation task per late cell").hasSize(cells.size())
        .containsExactlyInAnyOrderElementsOf(cells);
    assertThat(jdbc.queryForObject("select count(*) from cf_notification where campaign_id = ? and kind = 'escalation'",
        Integer.class, definition.id())).isEqualTo(cells.size());
    assertThat(jdbc.queryForObject("select count(*) from cf_notification where campaign_id = ?"
        + " and status not in ('sent', 'skipped')", Integer.class, definition.id())).as("nothing left unsent").isZero();
    assertThat(received).as("each e-mail received once").hasSameSizeAs(mails).doesNotHaveDuplicates();
    // the jobs of one campaign are not one queue: both nodes run its escalations, side by side
    assertThat(perNode.keySet()).as("nodes that ran the sweep's jobs").contains(NODE_A, "node-b");
    assertThat(perNode.values()).as("jobs run per node").allMatch(count -> count >= cells.size() / 10);
  }

  @Test
  void aTaskCompletedOnOneNodeIsGoneOnTheOtherAndACampaignLaunchedOnBothAtOnceStartsOnce() throws Exception {
    var definition = aCampaign().withBaseCommittee("khanh-an").withCells(1).build();
    ClockUtil.setCurrentTime(CampaignDriver.at(definition.deadlines().planIssued()));
    try (var nodeB = node("node-c", false)) {
      var start = new CyclicBarrier(2);
      var launchB = nodeB.getBean(CampaignLauncher.class);
      var onA = CompletableFuture.supplyAsync(() -> launchAt(launcher, definition, start));
      var onB = CompletableFuture.supplyAsync(() -> launchAt(launchB, definition, start));
      assertThat(List.of(onA.join(), onB.join())).as("one launch, the other told it runs already")
          .containsExactlyInAnyOrder("launched", "refused");
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CampaignLauncher.PROCESS)
          .processInstanceBusinessKey(definition.id()).count()).isEqualTo(1);

      var campaign = new CampaignDriver(engine, definition.id());
      campaign.runLaunchJobs();
      var task = campaign.task("khanh-an-cb-01", "PrepareCongressPlan");
      var engineB = nodeB.getBean(ProcessEngine.class);
      assertThat(engineB.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
      campaign.complete("khanh-an-cb-01", "PrepareCongressPlan");
      assertThat(engineB.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
      assertThat(engineB.getTaskService().createTaskQuery().processInstanceBusinessKey("khanh-an-cb-01")
          .taskDefinitionKey("DraftCongressDocuments").count()).isEqualTo(1);
    }
  }

  private static final String NODE_A = "node-a";
  private static final int BASES = 10;
  private static final int CELLS_EACH = 20;

  @Autowired JdbcTemplate jdbc;

  /** A second node of the application on the same database. */
  private ConfigurableApplicationContext node(String name, boolean jobExecutor) {
    return new SpringApplicationBuilder(CongressFlowApplication.class)
        .profiles(TestDatabase.isPostgres() ? new String[] {"test", "postgres"} : new String[] {"test"})
        .run("--spring.config.location=classpath:/", "--server.port=0", "--spring.datasource.url=" + databaseUrl,
            "--spring.datasource.username=" + databaseUser, "--camunda.bpm.process-engine-name=" + name,
            "--camunda.bpm.job-execution.enabled=" + jobExecutor,
            "--camunda.bpm.generic-properties.properties.hostname=" + name,
            "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestSmtp.port());
  }

  private static String launchAt(CampaignLauncher launcher, CampaignDefinition definition, CyclicBarrier start) {
    try {
      start.await();
      return launcher.launch(definition, "test", 0) ? "launched" : "refused";
    } catch (DuplicateKeyException e) {
      return "refused";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }



  /** Waits for the job executors (not for a timer: the clock stands still). */
  private static void waitUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
    for (int attempt = 0; attempt < 3000; attempt++) {
      if (done.getAsBoolean()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the job executors did not finish in 5 minutes");
  }

  private static String messageId(jakarta.mail.internet.MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void execute(ProcessEngine node, String jobId, CyclicBarrier start) {
    try {
      start.await();
      node.getManagementService().executeJob(jobId);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
