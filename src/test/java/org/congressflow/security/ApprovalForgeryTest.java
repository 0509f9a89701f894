package org.congressflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.congressflow.support.CampaignBuilder.aCampaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.decision.Decision;
import org.congressflow.decision.DecisionRecord;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.HttpUser;
import org.congressflow.support.HttpUser.Way;
import org.congressflow.support.ResetClock;
import org.congressflow.support.TestDatabase;
import org.congressflow.support.TestSmtp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A staff member of Khánh An tries to route the documents gate of their own congress to themselves, or to change
 * any other value that decides who acts or what comes next, by every way a user reaches the engine: completing
 * their task with extra fields, submitting its form, writing variables of the task, the congress or its
 * execution, throwing a BPMN error, changing the task, adding candidates, over the engine REST API with HTTP Basic
 * and over the webapps' own API with a session cookie and the XSRF token. Nothing changes, and the gate still goes
 * to the district standing committee. On H2 and, in the second Surefire run, on PostgreSQL.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.config.location=classpath:/")
@ActiveProfiles(resolver = TestDatabase.class)
@ContextConfiguration(initializers = TestSmtp.class)
@ExtendWith(ResetClock.class)
class ApprovalForgeryTest {

  private static final String ORG = "khanh-an";
  private static final String PASSWORD = "Thu-nghiem-2020!Aa";
  private static final String STAFF = "forgery-khanh-an-officer";
  private static final String SECRETARY = "forgery-khanh-an-secretary";
  private static final String STANDING = "forgery-standing-member";
  /**
   * Routing inputs that are the answer of the step whose form asks them: a gate's decision (cleared when each gate
   * opens), the escalation board's decision and new date, an organisation's report that its work is finished.
   */
  private static final Set<String> OUTCOMES = Set.of("decision", "escalationDecision", "newDeadline", "workFinished");
  /** Identifiers in model expressions that are beans or the engine's own, not process variables. */
  private static final Set<String> NOT_VARIABLES = Set.of("execution", "task", "or", "and", "not", "eq", "ne", "true",
      "false", "null", "empty", "loopCounter", "nrOfInstances", "nrOfCompletedInstances", "nrOfActiveInstances");

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  @Autowired DecisionRecord decisions;
  @LocalServerPort int port;
  private CampaignDriver campaign;

  @BeforeEach
  void launchAndCreateUsers() {
    campaign = CampaignDriver.launch(engine, launcher, aCampaign().withBaseCommittee(ORG).withCells(1).build());
    user(STAFF, campaign.groups().staff(ORG));
    user(SECRETARY, campaign.groups().leaders(ORG));
    user(STANDING, campaign.groups().standingCommittee());
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void aStaffMemberChangesNoRoutingInputByAnyPath(Way way) throws Exception {
    var staff = HttpUser.of(way, url(), STAFF, PASSWORD);
    String congress = campaign.congress(ORG).getId();
    String task = campaign.task(ORG, "PrepareCongressPlan").getId();
    var before = engine.getRuntimeService().getVariables(congress);
    var inputs = routingInputs();
    int refused = 0;

    for (String input : inputs) {
      String forged = "{\"value\":\"" + campaign.groups().staff(ORG) + "\",\"type\":\"String\"}";
      String withForged = "{\"variables\":{\"planNumber\":{\"value\":\"01-KH/ĐU\"},\"" + input + "\":" + forged + "}}";
      assertThat(staff.engine("POST", "/task/" + task + "/complete", withForged).statusCode())
          .as("%s completes with %s", way, input).isEqualTo(400);
      assertThat(staff.engine("POST", "/task/" + task + "/submit-form", withForged).statusCode())
          .as("%s submits the form with %s", way, input).isEqualTo(400);
      assertThat(staff.engine("PUT", "/task/" + task + "/variables/" + input, forged).statusCode())
          .as("%s writes task variable %s", way, input).isIn(403);
      assertThat(staff.engine("PUT", "/task/" + task + "/localVariables/" + input, forged).statusCode())
          .as("%s writes task-local variable %s", way, input).isIn(403);
      assertThat(staff.engine("PUT", "/process-instance/" + congress + "/variables/" + input, forged).statusCode())
          .as("%s writes congress variable %s", way, input).isIn(403, 404);
      assertThat(staff.engine("POST", "/process-instance/" + congress + "/variables",
          "{\"modifications\":{\"" + input + "\":" + forged + "}}").statusCode())
          .as("%s modifies congress variable %s", way, input).isIn(403, 404);
      assertThat(staff.engine("PUT", "/execution/" + congress + "/localVariables/" + input, forged).statusCode())
          .as("%s writes execution variable %s", way, input).isIn(403, 404);
      refused += 7;
    }
    assertThat(staff.engine("POST", "/task/" + task + "/bpmnError", "{\"errorCode\":\"skip\"}").statusCode())
        .as("BPMN error").isEqualTo(400);
    assertThat(staff.engine("POST", "/task/" + task + "/bpmnEscalation", "{\"escalationCode\":\"skip\"}")
        .statusCode()).as("escalation").isEqualTo(400);
    assertThat(staff.engine("PUT", "/task/" + task, "{\"name\":\"x\",\"due\":\"2030-01-01T00:00:00.000+0700\"}")
        .statusCode()).as("moves the task's due date").isEqualTo(403);
    assertThat(staff.engine("POST", "/task/" + task + "/identity-links",
        "{\"groupId\":\"" + campaign.groups().staff(ORG) + "\",\"type\":\"candidate\"}").statusCode()).isEqualTo(403);
    assertThat(staff.engine("POST", "/task/" + task + "/delegate", "{\"userId\":\"" + STAFF + "\"}").statusCode())
        .isEqualTo(403);
    refused += 5;

    System.out.printf("Forgery over %s: %d routing inputs in the models, %d attempts refused%n", way, inputs.size(),
        refused);
    assertThat(engine.getRuntimeService().getVariables(congress)).as("the congress's data").isEqualTo(before);
    assertThat(campaign.congress(ORG)).isNotNull();
    assertThat(campaign.task(ORG, "PrepareCongressPlan").getId()).isEqualTo(task);
    assertThat(campaign.task(ORG, "PrepareCongressPlan").getDueDate()).isEqualTo(
        engine.getTaskService().createTaskQuery().taskId(task).singleResult().getDueDate());
  }

  @ParameterizedTest
  @EnumSource(Way.class)
  void theDocumentsGateStillGoesToTheRealSuperior(Way way) throws Exception {
    var staff = HttpUser.of(way, url(), STAFF, PASSWORD);
    String congress = campaign.congress(ORG).getId();

    complete(staff, "PrepareCongressPlan", """
        {"planNumber":{"value":"01-KH/ĐU"},"planIssuedOn":{"value":"2019-11-25"},
         "plannedCongressDate":{"value":"2020-05-20"},"subcommittees":{"value":"[\\"documents\\"]","type":"Json"}}""");
    complete(staff, "DraftPoliticalReport", """
        {"politicalReport":{"type":"File","value":"%s","valueInfo":{"filename":"bao-cao.pdf","mimetype":"application/pdf"}},
         "draftSummary":{"value":"Dự thảo báo cáo chính trị"}}""".formatted(
        Base64.getEncoder().encodeToString("%PDF-1.4 báo cáo".getBytes())));
    complete(HttpUser.of(way, url(), SECRETARY, PASSWORD), "CollectDocumentOpinions", """
        {"opinionsReceived":{"value":12},"draftAdoptedOn":{"value":"2020-01-10"},"opinionsSummary":{"value":"Đồng ý"}}""");

    var gate = campaign.task(ORG, "ApproveDocuments");
    assertThat(engine.getTaskService().getIdentityLinksForTask(gate.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly(campaign.groups().standingCommittee());
    String gateInstance = gate.getProcessInstanceId();
    assertThat(staff.engineJson("/task?processInstanceId=" + congress)).as("the staff's view of the congress").isEmpty();
    assertThat(staff.engineJson("/task?processInstanceId=" + gateInstance)).as("the staff's view of the gate").isEmpty();
    assertThat(staff.engine("PUT", "/process-instance/" + gateInstance + "/variables/superiorGroup",
        "{\"value\":\"" + campaign.groups().staff(ORG) + "\"}").statusCode()).as("rerouting the gate").isIn(403, 404);
    assertThat(staff.engine("POST", "/task/" + gate.getId() + "/claim", "{\"userId\":\"" + STAFF + "\"}").statusCode())
        .isIn(403, 404);
    assertThat(staff.engine("POST", "/task/" + gate.getId() + "/complete",
        "{\"variables\":{\"decision\":{\"value\":\"approve\"}}}").statusCode()).isIn(403, 404);

    var standing = HttpUser.of(way, url(), STANDING, PASSWORD);
    assertThat(standing.engineJson("/task?processInstanceId=" + gateInstance).get(0).get("id").asText())
        .isEqualTo(gate.getId());
    var approved = standing.engine("POST", "/task/" + gate.getId() + "/complete",
        "{\"variables\":{\"decision\":{\"value\":\"approve\"},\"comment\":{\"value\":\"Đồng ý\"}}}");
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(204);
    assertThat(decisions.ofProcess(congress)).extracting(Decision::step, Decision::decision, Decision::decidedBy)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ApproveDocuments", "approve", STANDING));
  }

  @Test
  void formsDeclareNoRoutingInputButTheOutcomeOfTheirOwnStep() throws IOException {
    var inputs = routingInputs();
    var gateTasks = Pattern.compile("<bpmn:userTask id=\"(\\w+)\"(?:(?!</bpmn:userTask>).)*\\$\\{recordGateDecision\\}",
        Pattern.DOTALL);
    var gateForms = new TreeSet<String>();
    for (Path model : models()) {
      gateTasks.matcher(Files.readString(model)).results().forEach(gate -> gateForms.add(formOf(gate.group(1))));
    }
    var misplaced = new ArrayList<String>();
    try (Stream<Path> forms = Files.list(Path.of("processes/forms"))) {
      for (Path form : forms.sorted().toList()) {
        for (var field : new ObjectMapper().readTree(form.toFile()).findParents("key")) {
          String key = field.get("key").asText();
          boolean ownOutcome = OUTCOMES.contains(key) && (!key.equals("decision")
              || gateForms.contains(form.getFileName().toString()) && field.at("/properties/fresh").asText().equals("true"));
          if (inputs.contains(key) && !ownOutcome) {
            misplaced.add(form.getFileName() + ": " + key);
          }
        }
      }
    }
    assertThat(inputs).contains("superiorGroup", "staffGroup", "pilot", "directSecretaryElection", "reviewYear",
        "congressDue", "decision", "campaignId");
    assertThat(gateForms).as("the congresses' gates share the approval gate's one form").contains("decide-gate.form")
        .doesNotContain("approve-documents.form", "approve-personnel-plan.form", "ratify-results.form");
    assertThat(misplaced).isEmpty();
  }

  private static String formOf(String taskId) {
    return taskId.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase() + ".form";
  }

  /** Every process variable read by an expression of a model: candidate groups, conditions, due dates, timers. */
  static Set<String> routingInputs() throws IOException {
    var expression = Pattern.compile("\\$\\{([^}]*)\\}");
    // a whole name that is not a bean's method or property; a name before "and" or "or" counts too
    var identifier = Pattern.compile("(?<![.\\w'])([a-zA-Z_]\\w*)(?!\\w|\\s*[.(])");
    var inputs = new TreeSet<String>();
    for (Path model : models()) {
      // delegate expressions name beans (the automated steps), not data
      var expressions = expression.matcher(Files.readString(model).replaceAll("delegateExpression=\"[^\"]*\"", ""));
      while (expressions.find()) {
        var names = identifier.matcher(expressions.group(1).replaceAll("'[^']*'", "''"));
        while (names.find()) {
          if (!NOT_VARIABLES.contains(names.group(1))) {
            inputs.add(names.group(1));
          }
        }
      }
    }
    return inputs;
  }

  private static List<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  private void complete(HttpUser user, String taskKey, String variables) throws Exception {
    var task = campaign.task(ORG, taskKey);
    var response = user.engine("POST", "/task/" + task.getId() + "/complete", "{\"variables\":" + variables + "}");
    assertThat(response.statusCode()).as("%s: %s", taskKey, response.body()).isEqualTo(204);
    campaign.runJobs();
  }

  private void user(String id, String group) {
    var identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(id).count() == 0) {
      var user = identity.newUser(id);
      user.setFirstName("Kiểm");
      user.setLastName("Thử");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
    }
    // each test's campaign has groups of its own (its tenant's)
    if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
      identity.createMembership(id, group);
    }
  }

  private String url() {
    return "http://localhost:" + port;
  }
}
