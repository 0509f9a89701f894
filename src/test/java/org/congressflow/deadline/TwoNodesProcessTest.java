package org.congressflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.congressflow.support.CampaignBuilder.aCampaign;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.congressflow.CongressFlowApplication;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowTest;
import org.congressflow.support.TestDatabase;
import org.congressflow.support.TestSmtp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Two application nodes on one database run the same due reminder at the same moment: one e-mail goes out. */
@CongressFlowTest
class TwoNodesProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  @Value("${spring.datasource.url}") String databaseUrl;
  @Value("${spring.datasource.username}") String databaseUser;

  @Test
  void aReminderDueOnTwoNodesAtOnceIsSentOnce() throws Exception {
    var campaign = CampaignDriver.launch(engine, launcher, aCampaign().withBaseCommittee("khanh-an").withCells(1).build());
    campaign.givenUser("two-nodes-officer", "khanh-an-cb-01-staff");
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

  private static void execute(ProcessEngine node, String jobId, CyclicBarrier start) {
    try {
      start.await();
      node.getManagementService().executeJob(jobId);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
