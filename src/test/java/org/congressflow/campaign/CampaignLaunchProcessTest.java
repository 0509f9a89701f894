package org.congressflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.congressflow.support.CampaignBuilder.aCampaign;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.congressflow.CongressFlowApplication;
import org.congressflow.organisation.Groups;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowTest;
import org.congressflow.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A launch of two hundred base organisations that stops half-way, twice: the node dies during the set-up (after
 * some batches of groups, before the campaign's process), and later, with half of the congresses started, dies in
 * the middle of a congress's start job and leaves jobs locked. The next start and a second node finish it: every
 * congress, welcoming works and quality review started once, none twice, no incident.
 */
@CongressFlowTest
class CampaignLaunchProcessTest {

  private static final int ORGANISATIONS = 200;

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  @Autowired CampaignRegistry registry;
  @Autowired CampaignLaunchProgress progress;
  @Autowired List<CampaignSetup> setups;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JdbcTemplate jdbc;
  @Value("${spring.datasource.url}") String databaseUrl;
  @Value("${spring.datasource.username}") String databaseUser;

  @Test
  void aLaunchOfTwoHundredOrganisationsStoppedTwiceHalfWayIsFinishedWithEveryCongressStartedOnce() throws Exception {
    var builder = aCampaign();
    for (int i = 1; i < ORGANISATIONS; i++) {
      builder.withBaseCommittee(String.format("resume-xa-%03d", i)).withCells(1);
    }
    var definition = builder.build();
    ClockUtil.setCurrentTime(CampaignDriver.at(definition.deadlines().planIssued()));

    // the node dies during the set-up: the campaign is stored, some groups exist, no process has started
    var setUpThenDie = new ArrayList<CampaignSetup>(setups);
    setUpThenDie.add(campaign -> {
      throw new IllegalStateException("node killed during the set-up");
    });
    assertThatThrownBy(() -> new CampaignLauncher(registry, setUpThenDie, engine.getRuntimeService(),
        transactionManager).launch(definition, "test", 0)).hasMessage("node killed during the set-up");
    assertThat(registry.exists(definition.id())).isTrue();
    assertThat(registry.launchedProcess(definition.id())).isEmpty();
    assertThat(progress.of(definition.id()).started()).isZero();

    // the next start resumes it and starts the process once; the congresses start in jobs
    assertThat(launcher.launch(definition, "test", 0)).as("the resumed launch starts the process").isTrue();
    assertThat(launcher.launch(definition, "test", 0)).as("a third start finds it running").isFalse();
    var campaign = new CampaignDriver(engine, definition.id());
    assertThat(campaign.campaignInstance()).isNotNull();
    long expected = CampaignLaunchProgress.expected(definition);
    assertThat(expected).isEqualTo(3L * ORGANISATIONS + ORGANISATIONS + 3);

    // node A starts about half of them, then dies in the middle of a start job (rolled back) with jobs locked
    var management = engine.getManagementService();
    while (progress.of(definition.id()).started() < expected / 2) {
      for (Job job : launchJobs(campaign, 50)) {
        management.executeJob(job.getId());
      }
    }
    var dying = launchJobs(campaign, 1).get(0);
    var rollback = new TransactionTemplate(transactionManager);
    rollback.executeWithoutResult(status -> {
      management.executeJob(dying.getId());
      status.setRollbackOnly();
    });
    assertThat(management.createJobQuery().jobId(dying.getId()).count()).as("the killed job is still to do").isOne();
    var lockedByTheDeadNode = launchJobs(campaign, 10).stream().map(Job::getId).toList();
    for (String jobId : lockedByTheDeadNode) {
      jdbc.update("update ACT_RU_JOB set LOCK_OWNER_ = 'killed-node', LOCK_EXP_TIME_ = ? where ID_ = ?",
          new Timestamp(ClockUtil.getCurrentTime().getTime() - 1000), jobId);
    }
    var halfWay = progress.of(definition.id());
    assertThat(halfWay.finished()).isFalse();
    assertThat(halfWay.started()).isBetween(expected / 2, expected - 1);

    // a second node, its job executor on, finishes the launch: the rest, the killed job, the dead node's jobs
    var othersJobs = campaign.suspendOtherCampaignsJobs();
    try (var nodeB = new SpringApplicationBuilder(CongressFlowApplication.class)
        .profiles(TestDatabase.isPostgres() ? new String[] {"test", "postgres"} : new String[] {"test"})
        .run("--spring.config.location=classpath:/", "--server.port=0", "--spring.datasource.url=" + databaseUrl,
            "--spring.datasource.username=" + databaseUser, "--camunda.bpm.process-engine-name=resumeNode",
            "--camunda.bpm.job-execution.enabled=true")) {
      for (int wait = 0; wait < 1800 && !progress.of(definition.id()).finished(); wait++) {
        Thread.sleep(100);
      }
    } finally {
      campaign.activateJobs(othersJobs);
    }

    var finished = progress.of(definition.id());
    System.out.printf("Resumed launch of %d organisations: %d of %d instances started, %d before the second node%n",
        ORGANISATIONS, finished.started(), expected, halfWay.started());
    assertThat(finished.finished()).as("every instance of the launch started").isTrue();
    var started = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .rootProcessInstanceId(campaign.campaignInstance().getId())
        .processDefinitionKeyIn(CampaignLaunchProgress.LAUNCHED).list();
    Map<String, Long> perProcessAndOrganisation = started.stream().collect(Collectors.groupingBy(
        instance -> instance.getProcessDefinitionKey() + " " + instance.getBusinessKey(), Collectors.counting()));
    assertThat(perProcessAndOrganisation.values()).as("none started twice").allMatch(count -> count == 1);
    var organisations = definition.organisationList().stream().map(CampaignDefinition.Organisation::id).toList();
    assertThat(businessKeys(started, "base-congress")).containsExactlyInAnyOrderElementsOf(organisations);
    assertThat(businessKeys(started, "cell-congress"))
        .containsExactlyInAnyOrderElementsOf(definition.cells().map(CampaignDefinition.Cell::id).toList());
    var withDistrict = new ArrayList<>(organisations);
    withDistrict.add(definition.district().id());
    assertThat(businessKeys(started, "welcoming-works")).containsExactlyInAnyOrderElementsOf(withDistrict);
    assertThat(businessKeys(started, "quality-review")).containsExactlyInAnyOrderElementsOf(withDistrict);
    assertThat(businessKeys(started, "district-congress")).containsExactly(definition.district().id());
    assertThat(engine.getRuntimeService().createIncidentQuery().list().stream()
        .filter(incident -> ids(started).contains(incident.getProcessInstanceId())
            || incident.getProcessInstanceId().equals(campaign.campaignInstance().getId())).toList())
        .as("no incident").isEmpty();
    assertThat(engine.getIdentityService().createGroupQuery()
        .groupIdIn(organisations.stream().map(Groups.of(definition)::leaders).toArray(String[]::new)).count())
        .as("every organisation's group").isEqualTo(ORGANISATIONS);
    assertThat(campaign.task("resume-xa-199-cb-01", "PrepareCongressPlan")).isNotNull();
  }

  private List<Job> launchJobs(CampaignDriver campaign, int count) {
    var ours = campaign.processInstanceIds();
    return engine.getManagementService().createJobQuery().messages().executable().active().list().stream()
        .filter(job -> ours.contains(job.getProcessInstanceId())).limit(count).toList();
  }

  private static List<String> businessKeys(List<HistoricProcessInstance> instances, String processKey) {
    return instances.stream().filter(instance -> instance.getProcessDefinitionKey().equals(processKey))
        .map(HistoricProcessInstance::getBusinessKey).toList();
  }

  private static java.util.Set<String> ids(List<HistoricProcessInstance> instances) {
    return instances.stream().map(HistoricProcessInstance::getId).collect(Collectors.toSet());
  }
}
