package org.congressflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.congressflow.support.CampaignBuilder.aCampaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.congressflow.campaign.CampaignDefinition;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.campaign.InvalidCampaignException;
import org.congressflow.document.Document;
import org.congressflow.document.DocumentRecord;
import org.congressflow.organisation.Groups;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowWebTest;
import org.congressflow.support.HttpUser;
import org.congressflow.support.HttpUser.Way;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two districts on one engine and one database, with the same district, organisation and cell ids (the second
 * campaign is the first's file under another id, in a tenant it names): nothing of one is visible to or decidable
 * by the other's users, district boards and managers included, in Tasklist's and Cockpit's queries, the engine REST
 * API, the dashboard and its report, the deadline-change API and the document download.
 */
@CongressFlowWebTest
class TwoDistrictsProcessTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "Two-districts-1";
  private static final String BASE = "khanh-an";
  private static final String PILOT = "khanh-trung";
  /** The roles of each district whose users try the other district. */
  private static final List<String> ROLES = List.of("staff", "leaders", "board", "inspection", "standing", "managers");

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  @Autowired DocumentRecord documents;
  @LocalServerPort int port;

  /** One district as its users see it: the driver, its groups and a user per role. */
  private record District(CampaignDriver driver, Groups groups, Map<String, String> users) {

    String campaignId() {
      return driver.campaignId();
    }

    String tenant() {
      return groups.tenant();
    }
  }

  @Test
  void twoDistrictsWithTheSameOrganisationIdsSeeAndDecideNothingOfEachOther() throws Exception {
    CampaignDefinition yenKhanh = aCampaign().withBaseCommittee(BASE).withCells(1).build();
    CampaignDefinition kimSon = named(yenKhanh, yenKhanh.id() + "-kim-son", "kim-son-" + yenKhanh.id());
    var a = district(yenKhanh);
    var b = district(kimSon);
    assertThat(b.tenant()).as("the file's tenant").isEqualTo("kim-son-" + yenKhanh.id());
    assertThat(a.tenant()).as("the default tenant: the campaign id").isEqualTo(yenKhanh.id());
    for (var d : List.of(a, b)) {
      advance(d);
    }
    // after the base deadline (30/06/2020): the district boards' escalations in both
    b.driver().moveTo(LocalDate.of(2020, 7, 2));

    everyInstanceIsInItsCampaignsTenant(a);
    everyInstanceIsInItsCampaignsTenant(b);
    assertThat(b.driver().task(BASE, "AppraisePersonnel")).extracting(this::candidateGroups)
        .isEqualTo(Set.of(b.groups().organisationBoard()));
    assertThat(b.driver().task(BASE, "VerifyPersonnel")).extracting(this::candidateGroups)
        .isEqualTo(Set.of(b.groups().inspection()));
    assertThat(escalation(b)).extracting(this::candidateGroups).isEqualTo(Set.of(b.groups().organisationBoard()));

    for (var pair : List.of(List.of(a, b), List.of(b, a))) {
      var own = pair.get(0);
      var other = pair.get(1);
      for (String role : ROLES) {
        for (Way way : Way.values()) {
          tasksAreTheOwnDistrictsOnly(own, other, role, way);
        }
        processesAndHistoryAreTheOwnDistrictsOnly(own, other, role);
        dashboardAndReportAreRefused(own, other, role);
        documentsAreNotFound(own, other, role);
      }
      othersTasksCannotBeDecided(own, other);
      othersDeadlinesCannotBeMoved(own, other);
      cockpitShowsTheOwnDistrictOnly(own, other);
    }
    theOwnDistrictWorksAsBefore(a);
    aSecondCampaignInATakenTenantIsRefused(yenKhanh);
  }

  private District district(CampaignDefinition campaign) {
    var driver = CampaignDriver.launch(engine, launcher, campaign);
    var groups = driver.groups();
    var users = Map.of(
        "staff", groups.staff(BASE),
        "leaders", groups.leaders(BASE),
        "board", groups.organisationBoard(),
        "inspection", groups.inspection(),
        "standing", groups.standingCommittee(),
        "managers", groups.managers());
    var userIds = new java.util.HashMap<String, String>();
    users.forEach((role, group) -> {
      String userId = role + "-of-" + groups.tenant();
      driver.givenUser(userId, group);
      var user = engine.getIdentityService().createUserQuery().userId(userId).singleResult();
      user.setPassword(PASSWORD);
      engine.getIdentityService().saveUser(user);
      userIds.put(role, userId);
    });
    return new District(driver, groups, Map.copyOf(userIds));
  }

  /** The pilot's documents at their gate; Khánh An's personnel plan at the board's appraisal and inspection. */
  private static void advance(District d) {
    var c = d.driver();
    c.complete(PILOT, "PrepareCongressPlan");
    c.complete(PILOT, "DraftPoliticalReport");
    c.complete(PILOT, "CollectDocumentOpinions");
    c.complete(BASE, "PrepareCongressPlan");
    c.complete(BASE, "DraftPoliticalReport");
    c.complete(BASE, "CollectDocumentOpinions");
    c.approve(BASE, "ApproveDocuments");
    c.introduceNominees(BASE);
    c.complete(BASE, "PreparePersonnelPlan");
  }

  private void everyInstanceIsInItsCampaignsTenant(District d) {
    var root = d.driver().campaignInstance().getId();
    var instances = engine.getHistoryService().createHistoricProcessInstanceQuery().rootProcessInstanceId(root).list();
    assertThat(instances).extracting(i -> i.getProcessDefinitionKey()).contains("congress-campaign", "base-congress",
        "cell-congress", "district-congress", "approval-gate", "deadline-watch", "welcoming-works", "quality-review");
    assertThat(instances).as("every instance of %s", d.campaignId())
        .allSatisfy(i -> assertThat(i.getTenantId()).isEqualTo(d.tenant()));
    assertThat(engine.getTaskService().createTaskQuery().tenantIdIn(d.tenant()).count())
        .isEqualTo(engine.getTaskService().createTaskQuery().processInstanceIdIn(
            instances.stream().filter(i -> i.getEndTime() == null).map(i -> i.getId()).toArray(String[]::new)).count());
  }

  /** Tasklist's own queries: every task, and the shared filter "Việc của đơn vị" (tasks of my groups). */
  private void tasksAreTheOwnDistrictsOnly(District own, District other, String role, Way way) throws Exception {
    var user = HttpUser.of(way, url(), own.users().get(role), PASSWORD);
    var seen = ids(user.engineJson("/task?maxResults=10000"));
    var filter = engine.getFilterService().createFilterQuery().filterName("Việc của đơn vị").singleResult();
    var listed = ids(json(user.engine("POST", "/filter/" + filter.getId() + "/list?maxResults=10000", "{}")));
    String group = groupOf(own, role);
    var expected = ids(role.equals("managers")
        ? engine.getTaskService().createTaskQuery().tenantIdIn(own.tenant()).list()
        : engine.getTaskService().createTaskQuery().taskCandidateGroup(group).list());
    assertThat(expected).as("%s of %s has work", role, own.campaignId()).isNotEmpty();
    assertThat(seen).as("%s of %s: GET /task (%s)", role, own.campaignId(), way).isEqualTo(expected)
        .doesNotContainAnyElementsOf(ids(engine.getTaskService().createTaskQuery().tenantIdIn(other.tenant()).list()));
    assertThat(listed).as("%s of %s: Tasklist's filter (%s)", role, own.campaignId(), way)
        .isEqualTo(role.equals("managers") ? Set.of() : expected);
  }

  private void processesAndHistoryAreTheOwnDistrictsOnly(District own, District other, String role) throws Exception {
    var user = HttpUser.basic(url(), own.users().get(role), PASSWORD);
    var otherCampaign = other.driver().campaignInstance().getId();
    var otherCongress = other.driver().congress(BASE).getId();
    if (role.equals("managers")) {
      assertThat(ids(user.engineJson("/process-instance?maxResults=10000"))).as("the managers' own campaign")
          .contains(own.driver().campaignInstance().getId(), own.driver().congress(BASE).getId());
    }
    for (String path : List.of("/process-instance?maxResults=10000", "/history/process-instance?maxResults=10000",
        "/history/task?maxResults=10000", "/history/variable-instance?maxResults=10000",
        "/variable-instance?maxResults=10000", "/job?maxResults=10000", "/history/decision-instance?maxResults=100")) {
      var answer = user.engineJson(path);
      for (JsonNode row : answer) {
        assertThat(row.path("tenantId").asText(null)).as("%s of %s: %s", role, own.campaignId(), path)
            .isNotEqualTo(other.tenant());
      }
    }
    for (String path : List.of("/process-instance/" + otherCampaign, "/process-instance/" + otherCongress
        + "/variables", "/history/process-instance/" + otherCongress, "/process-instance/" + otherCongress
        + "/activity-instances")) {
      // refused by the tenant check: 404 where the engine finds by query, 500 (ENGINE-13026 and the like) where a
      // command finds the instance and then refuses it
      var answer = user.engine("GET", path, null);
      assertThat(answer.statusCode()).as("%s of %s: GET %s", role, own.campaignId(), path).isIn(403, 404, 500);
      assertThat(answer.body()).doesNotContain("\"value\"", "organisationName", "processDefinitionId");
    }
  }

  private void dashboardAndReportAreRefused(District own, District other, String role) throws Exception {
    var user = HttpUser.basic(url(), own.users().get(role), PASSWORD);
    var campaigns = user.send("GET", "/api/campaigns", null, null);
    assertThat(campaigns.statusCode()).isEqualTo(200);
    assertThat(campaigns.body()).as("%s of %s: the dashboard's campaigns", role, own.campaignId())
        .contains("\"" + own.campaignId() + "\"").doesNotContain("\"" + other.campaignId() + "\"");
    for (String path : List.of("/progress", "/progress.xlsx", "/emulation", "/organisations/" + BASE)) {
      var answer = user.send("GET", "/api/campaigns/" + other.campaignId() + path, null, null);
      assertThat(answer.statusCode()).as("%s of %s: %s of the other", role, own.campaignId(), path).isEqualTo(403);
      assertThat(user.send("GET", "/api/campaigns/" + own.campaignId() + path, null, null).statusCode())
          .as("%s of %s: %s of its own", role, own.campaignId(), path).isEqualTo(200);
    }
  }

  private void documentsAreNotFound(District own, District other, String role) throws Exception {
    var user = HttpUser.basic(url(), own.users().get(role), PASSWORD);
    List<Document> theirs = documents.ofProcess(other.driver().congress(BASE).getId());
    assertThat(theirs).as("the other's political report and personnel plan").hasSizeGreaterThanOrEqualTo(2);
    for (var document : theirs) {
      assertThat(user.sendForBytes("/api/documents/" + document.id()).statusCode())
          .as("%s of %s: document %s of the other", role, own.campaignId(), document.id()).isEqualTo(404);
    }
    if (Set.of("staff", "managers", "standing").contains(role)) {
      var mine = documents.ofProcess(own.driver().congress(BASE).getId()).get(0);
      assertThat(user.sendForBytes("/api/documents/" + mine.id()).statusCode())
          .as("%s of %s: a document of its own", role, own.campaignId()).isEqualTo(200);
    }
  }

  /** The other's gate, appraisal, verification and escalation, tried by the same role here, over REST. */
  private void othersTasksCannotBeDecided(District own, District other) throws Exception {
    var theirs = List.of(
        Map.entry("standing", other.driver().task(PILOT, "ApproveDocuments")),
        Map.entry("board", other.driver().task(BASE, "AppraisePersonnel")),
        Map.entry("inspection", other.driver().task(BASE, "VerifyPersonnel")),
        Map.entry("board", escalation(other)),
        Map.entry("managers", escalation(other)));
    for (var entry : theirs) {
      var user = HttpUser.basic(url(), own.users().get(entry.getKey()), PASSWORD);
      Task task = entry.getValue();
      String complete = task.getTaskDefinitionKey().equals("DecideGate")
          ? "{\"variables\": {\"decision\": {\"value\": \"approve\"}, \"comment\": {\"value\": \"Đồng ý\"}}}"
          : "{}";
      for (var call : List.of(List.of("POST", "/task/" + task.getId() + "/claim",
              "{\"userId\": \"" + own.users().get(entry.getKey()) + "\"}"),
          List.of("POST", "/task/" + task.getId() + "/complete", complete),
          List.of("POST", "/task/" + task.getId() + "/submit-form", complete),
          List.of("PUT", "/task/" + task.getId() + "/variables/comment", "{\"value\": \"x\", \"type\": \"String\"}"))) {
        var answer = user.engine(call.get(0), call.get(1), call.get(2));
        assertThat(answer.statusCode()).as("%s of %s: %s %s on the other's %s", entry.getKey(), own.campaignId(),
            call.get(0), call.get(1), task.getTaskDefinitionKey()).isNotIn(200, 204);
      }
      var still = engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
      assertThat(still).as("the other's %s is still open", task.getTaskDefinitionKey()).isNotNull();
      assertThat(still.getAssignee()).isNull();
    }
  }

  private void othersDeadlinesCannotBeMoved(District own, District other) throws Exception {
    var before = other.driver().task(BASE, "AppraisePersonnel").getDueDate();
    for (String role : List.of("board", "standing")) {
      var answer = HttpUser.basic(url(), own.users().get(role), PASSWORD).send("POST",
          "/api/campaigns/" + other.campaignId() + "/deadlines",
          "{\"level\": \"base\", \"newDate\": \"2020-09-30\", \"reason\": \"Thử đổi hạn của huyện khác\"}",
          "application/json");
      assertThat(answer.statusCode()).as("%s of %s moving the other's deadline", role, own.campaignId())
          .isEqualTo(403);
    }
    assertThat(other.driver().task(BASE, "AppraisePersonnel").getDueDate()).isEqualTo(before);
  }

  /** Cockpit's own query of a process's instances (its plugin API, not the engine's REST API). */
  private void cockpitShowsTheOwnDistrictOnly(District own, District other) throws Exception {
    var manager = HttpUser.webapp(url(), own.users().get("managers"), PASSWORD);
    var definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("base-congress")
        .latestVersion().singleResult();
    var answer = manager.send("POST", "/camunda/api/cockpit/plugin/base/default/process-instance?maxResults=1000",
        "{\"processDefinitionId\": \"" + definition.getId() + "\"}", "application/json");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    var seen = new TreeSet<String>();
    json(answer).forEach(row -> seen.add(row.get("id").asText()));
    assertThat(seen).as("Cockpit's base congresses for the managers of %s", own.campaignId())
        .contains(own.driver().congress(BASE).getId(), own.driver().congress(PILOT).getId())
        .doesNotContain(other.driver().congress(BASE).getId(), other.driver().congress(PILOT).getId());
  }

  /** Positive control: a district's own board moves its deadline and its standing committee decides its gate. */
  private void theOwnDistrictWorksAsBefore(District d) throws Exception {
    var moved = HttpUser.basic(url(), d.users().get("board"), PASSWORD).send("POST",
        "/api/campaigns/" + d.campaignId() + "/deadlines",
        "{\"level\": \"base\", \"newDate\": \"2020-09-30\", \"reason\": \"Giãn cách xã hội\"}", "application/json");
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    assertThat(moved.body()).contains("\"congressesMoved\":1");
    var gate = d.driver().task(PILOT, "ApproveDocuments");
    var standing = HttpUser.basic(url(), d.users().get("standing"), PASSWORD);
    var decided = standing.engine("POST", "/task/" + gate.getId() + "/complete",
        "{\"variables\": {\"decision\": {\"value\": \"approve\"}, \"comment\": {\"value\": \"Đồng ý\"}}}");
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(204);
  }

  private void aSecondCampaignInATakenTenantIsRefused(CampaignDefinition taken) {
    var intruder = named(taken, taken.id() + "-copy", taken.tenantId());
    assertThatThrownBy(() -> launcher.launch(intruder, "test", 0)).isInstanceOf(InvalidCampaignException.class)
        .hasMessageContaining("tenant");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(intruder.id())
        .count()).isZero();
  }

  /** The same campaign file under another id and tenant: every district, organisation and cell id the same. */
  private static CampaignDefinition named(CampaignDefinition c, String id, String tenant) {
    return new CampaignDefinition(id, c.name(), c.term(), c.illustrativeCounts(), c.district(), c.superior(),
        c.pilot(), c.deadlines(), c.qualityReview(), c.rules(), c.deadlinePolicy(), c.organisations(), tenant);
  }

  private Task escalation(District d) {
    var tasks = engine.getTaskService().createTaskQuery().tenantIdIn(d.tenant())
        .taskDefinitionKey("HandleMissedDeadline").processInstanceBusinessKey(BASE).list();
    assertThat(tasks).as("the board's escalation of %s in %s", BASE, d.campaignId()).hasSize(1);
    return tasks.get(0);
  }

  private Set<String> candidateGroups(Task task) {
    var groups = new TreeSet<String>();
    engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
        .forEach(link -> groups.add(link.getGroupId()));
    return groups;
  }

  private static String groupOf(District d, String role) {
    return switch (role) {
      case "staff" -> d.groups().staff(BASE);
      case "leaders" -> d.groups().leaders(BASE);
      case "board" -> d.groups().organisationBoard();
      case "inspection" -> d.groups().inspection();
      case "standing" -> d.groups().standingCommittee();
      default -> d.groups().managers();
    };
  }

  private static Set<String> ids(JsonNode rows) {
    var ids = new TreeSet<String>();
    rows.forEach(row -> ids.add(row.get("id").asText()));
    return ids;
  }

  private static Set<String> ids(List<Task> tasks) {
    var ids = new TreeSet<String>();
    tasks.forEach(task -> ids.add(task.getId()));
    return ids;
  }

  private static JsonNode json(java.net.http.HttpResponse<String> answer) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private String url() {
    return "http://localhost:" + port;
  }
}
