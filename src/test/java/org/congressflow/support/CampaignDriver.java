package org.congressflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.congressflow.campaign.CampaignDefinition;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.campaign.DueDates;
import org.congressflow.form.FormValues;
import org.congressflow.organisation.Groups;
import org.congressflow.process.CongressParts;

/** Plays the users of one campaign in tests: finds an organisation's task, completes it, runs due jobs. */
public class CampaignDriver {

  private final ProcessEngine engine;
  private final String campaignId;

  public CampaignDriver(ProcessEngine engine, String campaignId) {
    this.engine = engine;
    this.campaignId = campaignId;
  }

  /**
   * Starts the campaign with its file dates and returns a driver for it. Unless the test has already moved the
   * engine clock into the campaign's time, the clock is set to the plan date first.
   */
  public static CampaignDriver launch(ProcessEngine engine, CampaignLauncher launcher, CampaignDefinition campaign) {
    if (ClockUtil.getCurrentTime().after(at(campaign.deadlines().districtCongress().plusYears(1)))) {
      ClockUtil.setCurrentTime(at(campaign.deadlines().planIssued()));
    }
    launcher.launch(campaign, "test", 0);
    var driver = new CampaignDriver(engine, campaign.id());
    driver.runLaunchJobs();
    return driver;
  }

  /**
   * Runs the jobs that start the congresses (the models' async continuations), as the job executor would after a
   * launch, for this campaign only; timers are left to {@link #runJobs()} and {@link #moveTo}. Returns how many ran
   * here (where the job executor is on, it may run some of them itself).
   */
  public int runLaunchJobs() {
    var management = engine.getManagementService();
    int ran = 0;
    while (true) {
      var ours = processInstanceIds();
      List<Job> jobs = management.createJobQuery().messages().executable().active().list().stream()
          .filter(job -> ours.contains(job.getProcessInstanceId())).toList();
      if (jobs.isEmpty()) {
        return ran;
      }
      for (Job job : jobs) {
        try {
          management.executeJob(job.getId());
          ran++;
        } catch (org.camunda.bpm.engine.OptimisticLockingException ranElsewhere) {
          // a test with the job executor on: its thread ran this job (or its sibling) at the same moment
        } catch (org.camunda.bpm.engine.ProcessEngineException e) {
          if (management.createJobQuery().jobId(job.getId()).count() > 0) {
            throw e; // the job failed; one that the job executor has run meanwhile is gone
          }
        }
      }
    }
  }

  public String campaignId() {
    return campaignId;
  }

  /**
   * Authenticates on the engine as Camunda's webapps and REST API do after a login: the user's groups and the
   * tenants those groups are members of (the engine's tenant check then applies).
   */
  public static void authenticate(ProcessEngine engine, String userId, List<String> groups) {
    var identity = engine.getIdentityService();
    var tenants = groups.stream().flatMap(group -> identity.createTenantQuery().groupMember(group).list().stream())
        .map(tenant -> tenant.getId()).distinct().toList();
    identity.setAuthentication(userId, groups, tenants);
  }

  /** The group ids of this campaign's tenant (its campaign process's tenant, as the engine gave it). */
  public Groups groups() {
    var campaign = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(CampaignLauncher.PROCESS).processInstanceBusinessKey(campaignId).singleResult();
    return new Groups(campaign.getTenantId());
  }

  public ProcessInstance campaignInstance() {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CampaignLauncher.PROCESS).processInstanceBusinessKey(campaignId).singleResult();
  }

  private static final String[] CONGRESSES = {"cell-congress", "base-congress", "district-congress"};

  /** The running congress of an organisation (cell, base or district). */
  public ProcessInstance congress(String organisationId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKeyIn(CONGRESSES)
        .variableValueEquals("campaignId", campaignId).variableValueEquals("organisationId", organisationId)
        .processInstanceBusinessKey(organisationId).singleResult();
  }

  /** The deadline watch a congress called (processes/deadline-watch.bpmn), once its first alarm has come. */
  public ProcessInstance watch(String organisationId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CongressParts.WATCH)
        .superProcessInstanceId(congress(organisationId).getId()).singleResult();
  }

  private static final String[] CONGRESSES_AND_PARTS =
      {"cell-congress", "base-congress", "district-congress", CongressParts.GATE, CongressParts.WATCH,
          CongressParts.INTRODUCTION};
  /** The congress steps decided in the shared approval gate (processes/approval-gate.bpmn). */
  public static final Set<String> GATES = Set.of("ApproveDocuments", "ApprovePersonnelPlan", "RatifyResults");

  /** The open tasks of an organisation's congress, with those of the parts it called (gate, deadline watch). */
  public List<Task> openTasks(String organisationId) {
    return engine.getTaskService().createTaskQuery().processDefinitionKeyIn(CONGRESSES_AND_PARTS)
        .processVariableValueEquals("campaignId", campaignId)
        .processInstanceBusinessKey(organisationId).list();
  }

  /**
   * The open task of a congress step; a gate step ({@link #GATES}) is the task of the approval gate that the
   * congress called for that step.
   */
  public Task task(String organisationId, String taskKey) {
    var query = engine.getTaskService().createTaskQuery()
        .processVariableValueEquals("campaignId", campaignId)
        .processInstanceBusinessKey(organisationId);
    var tasks = GATES.contains(taskKey)
        ? query.taskDefinitionKey("DecideGate").processVariableValueEquals("gateStep", taskKey).list()
        : query.taskDefinitionKey(taskKey).list();
    assertThat(tasks).as("open task %s of %s", taskKey, organisationId).hasSize(1);
    return tasks.get(0);
  }

  public Task campaignTask(String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(campaignId)
        .processDefinitionKey(CampaignLauncher.PROCESS).taskDefinitionKey(taskKey).singleResult();
  }

  /** Completes a task with what its form needs (see {@link FormSamples}), overridden by the given values. */
  public void complete(Task task, Map<String, Object> variables) {
    engine.getTaskService().complete(task.getId(), FormSamples.forTask(task.getTaskDefinitionKey(), variables));
    runJobs();
  }

  public void complete(String organisationId, String taskKey) {
    complete(task(organisationId, taskKey), Map.of());
  }

  public void approve(String organisationId, String gateKey) {
    complete(task(organisationId, gateKey), Map.of("decision", "approve", "comment", "Đồng ý"));
  }

  public void sendBack(String organisationId, String gateKey, String comment) {
    complete(task(organisationId, gateKey), Map.of("decision", "sendBack", "comment", comment));
  }

  public void completeCampaignTask(String taskKey) {
    var task = campaignTask(taskKey);
    assertThat(task).as("campaign task %s", taskKey).isNotNull();
    complete(task, Map.of());
  }

  /** What the staff enter after the congress: committee, secretary, deputies, delegates to the next level. */
  public static Map<String, Object> results(LocalDate congressDate, int committeeSize, int delegates) {
    var results = new HashMap<String, Object>();
    results.put("congressDate", DueDates.endOf(congressDate));
    results.put("committeeSize", committeeSize);
    results.put("secretary", "Nguyễn Văn Thành");
    results.put("deputySecretaries", "Trần Thị Hoa");
    results.put("delegatesElected", delegates);
    return results;
  }

  /** A cell's congress from plan to ratification, on the happy path. */
  public void runCellCongress(String cellId, LocalDate congressDate) {
    complete(cellId, "PrepareCongressPlan");
    complete(cellId, "DraftCongressDocuments");
    approve(cellId, "ApproveDocuments");
    complete(cellId, "ProposePersonnel");
    approve(cellId, "ApprovePersonnelPlan");
    complete(task(cellId, "HoldCongress"), results(congressDate, 3, 0));
    approve(cellId, "RatifyResults");
  }

  /** Steps 1-5 of a base or district congress: plan, documents and their gate, personnel plan and its gate. */
  public void prepareDocumentsAndPersonnel(String organisationId) {
    complete(organisationId, "PrepareCongressPlan");
    complete(organisationId, "DraftPoliticalReport");
    complete(organisationId, "CollectDocumentOpinions");
    approve(organisationId, "ApproveDocuments");
    introduceNominees(organisationId);
    complete(organisationId, "PreparePersonnelPlan");
    complete(organisationId, "AppraisePersonnel");
    complete(organisationId, "VerifyPersonnel");
    approve(organisationId, "ApprovePersonnelPlan");
  }

  /** The five steps of the introduction of nominees, each meeting with its quorum and every nominee passing. */
  public void introduceNominees(String organisationId) {
    FormSamples.INTRODUCTION_STEPS.forEach(step -> complete(organisationId, step));
  }

  /** Steps 1-6 of a base congress: documents and personnel with their gates, then the date fixed. */
  public void prepareBaseCongress(String organisationId) {
    prepareDocumentsAndPersonnel(organisationId);
    complete(organisationId, "FixCongressDate");
  }

  /** Steps 7-9: hold the congress (pilot or normal), ratification, dossier. */
  public void holdBaseCongress(String organisationId, String holdTask, LocalDate congressDate, int delegates) {
    complete(task(organisationId, holdTask), results(congressDate, 15, delegates));
    approve(organisationId, "RatifyResults");
    complete(organisationId, "FileCongressDossier");
  }

  /**
   * Starts this node's job executor with the threads of the application's configuration (4), not the engine's
   * default of up to 10: in the tests an e-mail is sent right after its job's commit on the job's thread, which then
   * holds a second connection of the pool (10), so 10 threads could wait for each other's connections.
   */
  public static JobExecutor startJobExecutor(ProcessEngine engine) {
    var jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    if (jobExecutor instanceof DefaultJobExecutor threads) {
      threads.setCorePoolSize(4);
      threads.setMaxPoolSize(4);
    }
    jobExecutor.start();
    return jobExecutor;
  }

  /** The organisations (business keys) of this campaign with an open escalation task, one entry per task. */
  public List<String> escalatedOrganisations() {
    return engine.getTaskService().createTaskQuery().processVariableValueEquals("campaignId", campaignId)
        .taskDefinitionKey("HandleMissedDeadline").list().stream()
        .map(task -> engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey()).toList();
  }

  /** This campaign's jobs that are due now and not suspended. */
  public long dueJobs() {
    var ours = processInstanceIds();
    return engine.getManagementService().createJobQuery().executable().active().list().stream()
        .filter(job -> ours.contains(job.getProcessInstanceId())).count();
  }

  /** Executes every job that is due now, including the ones those jobs create. */
  public void runJobs() {
    var management = engine.getManagementService();
    for (int round = 0; round < 100_000; round++) {
      List<Job> jobs = management.createJobQuery().executable().active().listPage(0, 1);
      if (jobs.isEmpty()) {
        return;
      }
      management.executeJob(jobs.get(0).getId());
    }
    throw new IllegalStateException("jobs keep coming: a loop in the model?");
  }

  /** Moves the engine clock to 09:00 of the day and runs the jobs due by then (timers included). */
  public void moveTo(LocalDate date) {
    ClockUtil.setCurrentTime(at(date));
    runJobs();
  }

  /** Like {@link #runJobs()}, but a failing job (an SMTP outage) is left to its retries; returns the failures. */
  public int runJobsLettingThemFail() {
    var management = engine.getManagementService();
    int failures = 0;
    for (int round = 0; round < 10_000; round++) {
      List<Job> jobs = management.createJobQuery().executable().active().listPage(0, 1);
      if (jobs.isEmpty()) {
        return failures;
      }
      try {
        management.executeJob(jobs.get(0).getId());
      } catch (RuntimeException e) {
        failures++;
      }
    }
    return failures;
  }

  /** A user with an e-mail address in the given groups (who gets the group's e-mails). */
  /** Every process instance of this campaign, running or ended. */
  public Set<String> processInstanceIds() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().variableValueEquals("campaignId", campaignId)
        .list().stream().map(instance -> instance.getId()).collect(java.util.stream.Collectors.toSet());
  }

  /**
   * Suspends the jobs of the other campaigns in the test database, so that a job executor started by a test runs
   * this campaign's jobs only; returns their ids for {@link #activateJobs}.
   */
  public List<String> suspendOtherCampaignsJobs() {
    var ours = processInstanceIds();
    var others = engine.getManagementService().createJobQuery().active().list().stream()
        .filter(job -> !ours.contains(job.getProcessInstanceId())).map(Job::getId).toList();
    others.forEach(engine.getManagementService()::suspendJobById);
    return others;
  }

  public void activateJobs(List<String> jobIds) {
    jobIds.forEach(engine.getManagementService()::activateJobById);
  }

  public void givenUser(String userId, String... groups) {
    var identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(userId).count() == 0) {
      var user = identity.newUser(userId);
      user.setFirstName("Người dùng");
      user.setLastName(userId);
      user.setEmail(userId + "@test.congressflow.vn");
      identity.saveUser(user);
    }
    for (String group : groups) {
      if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
        identity.createMembership(userId, group);
      }
    }
  }

  public static Date at(LocalDate date) {
    return Date.from(date.atTime(9, 0).atZone(DueDates.ZONE).toInstant());
  }

  /** An organisation's 2019 quality review from the member list to published results: five members, all good. */
  public void runQualityReview(String org) {
    complete(task(org, "EnterMembers"), Map.of("members", json(reviewMembers(null, null))));
    complete(task(org, "SelfReview"), Map.of("organisationSelfLevel", "good",
        "members", json(reviewMembers("selfLevel", "good"))));
    complete(task(org, "CollectReviewOpinions"), Map.of("reviewOpinions", "Đồng ý"));
    complete(task(org, "HoldReviewMeeting"),
        Map.of("meetingDate", "2019-12-10", "meetingMinutes", "Biên bản họp kiểm điểm"));
    complete(task(org, "ProposeLevels"), Map.of("proposedOrganisationLevel", "good",
        "members", json(reviewMembers("proposedLevel", "good"))));
    approve(org, "DecideMemberLevels");
    approve(org, "DecideOrganisationLevel");
    complete(task(org, "PublishReviewResults"), Map.of("publishedOn", "2020-01-20"));
  }

  private static List<Map<String, Object>> reviewMembers(String levelField, String level) {
    var members = new ArrayList<Map<String, Object>>();
    for (int i = 1; i <= 5; i++) {
      var member = new HashMap<String, Object>();
      member.put("name", "Đảng viên " + i);
      member.put("birthYear", 1970 + i);
      member.put("position", i == 1 ? "Bí thư" : "Đảng viên");
      member.put("cell", "Chi bộ 1");
      if (levelField != null) {
        member.put(levelField, level);
      }
      members.add(member);
    }
    return members;
  }

  private static Object json(Object value) {
    return SpinValues.jsonValue(FormValues.JSON.valueToTree(value).toString()).create();
  }
}
