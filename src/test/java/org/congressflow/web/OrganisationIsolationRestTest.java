package org.congressflow.web;

import org.congressflow.organisation.Groups;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.congressflow.support.RunningDemoApp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Over the engine REST API, as a user with HTTP Basic: no organisation reads, claims or completes another's
 * task or reads its process data; managers only read; only administrators get Admin; the shared filters exist.
 */
class OrganisationIsolationRestTest extends RunningDemoApp {

  /** Communes, the pilot, a school, and a cell of Khánh An. */
  private static final List<String> ORGANISATIONS = List.of("khanh-trung", "khanh-an", "khanh-cong",
      "thpt-yen-khanh-a", "khanh-an-cb-01");

  @Autowired ProcessEngine engine;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void noOrganisationCanReadClaimOrCompleteAnotherOrganisationsTask() throws Exception {
    int refused = 0;
    for (String owner : ORGANISATIONS) {
      var task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(owner).active().list().get(0);
      for (String other : ORGANISATIONS) {
        if (other.equals(owner)) {
          continue;
        }
        String user = other + "-officer";
        String id = task.getId();
        assertThat(status("GET", "/engine-rest/task/" + id, user, null)).as("%s reads %s", user, owner).isIn(403, 404);
        assertThat(status("GET", "/engine-rest/task/" + id + "/variables", user, null)).isIn(403, 404);
        assertThat(status("POST", "/engine-rest/task/" + id + "/claim", user, "{\"userId\":\"" + user + "\"}"))
            .as("%s claims %s", user, owner).isIn(403, 404);
        assertThat(status("POST", "/engine-rest/task/" + id + "/complete", user, "{}"))
            .as("%s completes %s", user, owner).isIn(403, 404);
        assertThat(status("GET", "/engine-rest/process-instance/" + task.getProcessInstanceId() + "/variables", user,
            null)).as("%s reads the congress of %s", user, owner).isIn(403, 404);
        refused += 5;
      }
      assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
      assertThat(json("/engine-rest/task/" + task.getId(), workerOf(task.getId()), 200).get("id").asText())
          .isEqualTo(task.getId());
    }
    System.out.printf("Organisation isolation: %d organisations, %d ordered pairs, %d requests refused%n",
        ORGANISATIONS.size(), ORGANISATIONS.size() * (ORGANISATIONS.size() - 1), refused);
    assertThat(refused).isEqualTo(5 * 5 * 4);
  }

  @Test
  void managersSeeEveryCongressButCannotChangeAnything() throws Exception {
    var task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("khanh-an").list().get(0);
    String instance = task.getProcessInstanceId();

    assertThat(json("/engine-rest/process-instance?processDefinitionKey=base-congress", "manager", 200).size())
        .isGreaterThan(10);
    assertThat(json("/engine-rest/task/" + task.getId(), "manager", 200).get("id").asText()).isEqualTo(task.getId());
    assertThat(status("PUT", "/engine-rest/process-instance/" + instance + "/variables/organisationName", "manager",
        "{\"value\":\"khác\",\"type\":\"String\"}")).isEqualTo(403);
    assertThat(status("DELETE", "/engine-rest/process-instance/" + instance, "manager", null)).isEqualTo(403);
    assertThat(status("PUT", "/engine-rest/process-instance/" + instance + "/suspended", "manager",
        "{\"suspended\":true}")).isEqualTo(403);
    assertThat(status("POST", "/engine-rest/task/" + task.getId() + "/claim", "manager", "{\"userId\":\"manager\"}"))
        .isEqualTo(403);
    assertThat(status("POST", "/engine-rest/task/" + task.getId() + "/complete", "manager", "{}")).isEqualTo(403);
    assertThat(engine.getRuntimeService().getVariable(instance, "organisationName")).isEqualTo("Đảng bộ xã Khánh An");

    var authorizations = engine.getAuthorizationService();
    assertThat(authorizations.isUserAuthorized("manager", List.of(new Groups("yen-khanh-2020-2025").managers()), Permissions.ACCESS,
        Resources.APPLICATION, "admin")).isFalse();
    assertThat(authorizations.isUserAuthorized("standing-committee-member", List.of(new Groups("yen-khanh-2020-2025").standingCommittee()),
        Permissions.ACCESS, Resources.APPLICATION, "admin")).isFalse();
    assertThat(authorizations.isUserAuthorized("admin", List.of("camunda-admin"), Permissions.ACCESS,
        Resources.APPLICATION, "admin")).isTrue();
  }

  @Test
  void districtGroupsReadEveryCongressAndOrganisationsOnlyTheirOwn() throws Exception {
    assertThat(json("/engine-rest/process-instance?processDefinitionKey=base-congress", "standing-committee-member",
        200).size()).isGreaterThan(10);
    JsonNode own = json("/engine-rest/process-instance?processDefinitionKey=base-congress", "khanh-an-officer", 200);
    assertThat(own).hasSize(1);
    assertThat(own.get(0).get("businessKey").asText()).isEqualTo("khanh-an");
  }

  @Test
  void everyUserHasTheFourSharedFiltersShowingOrganisationAndCongress() throws Exception {
    JsonNode filters = json("/engine-rest/filter?resourceType=Task", "khanh-an-officer", 200);
    assertThat(filters).extracting(f -> f.get("name").asText())
        .contains("Việc của đơn vị", "Sắp đến hạn", "Quá hạn", "Chờ phê duyệt");
    for (JsonNode filter : filters) {
      assertThat(filter.get("properties").get("variables").toString()).contains("organisationName", "congressName");
    }
    String gates = filterId(filters, "Chờ phê duyệt");
    assertThat(json("/engine-rest/filter/" + gates + "/count", "khanh-an-officer", 200).get("count").asInt()).isZero();
    String mine = filterId(filters, "Việc của đơn vị");
    assertThat(json("/engine-rest/filter/" + mine + "/count", "khanh-an-officer", 200).get("count").asInt())
        .as("congress plan, welcoming works, 2019 review").isEqualTo(3);
    // nothing is due within a week when the campaign has just started
    assertThat(json("/engine-rest/filter/" + filterId(filters, "Sắp đến hạn") + "/count", "khanh-an-officer", 200)
        .get("count").asInt()).isZero();
    assertThat(json("/engine-rest/filter/" + filterId(filters, "Quá hạn") + "/count", "khanh-an-officer", 200)
        .get("count").asInt()).isZero();
  }

  @Test
  void staffAddToAndReadTheStoryOfTheirOwnCongressOnly() throws Exception {
    var own = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("khanh-an")
        .taskDefinitionKey("PrepareCongressPlan").singleResult();
    var other = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("khanh-cong")
        .taskDefinitionKey("PrepareCongressPlan").singleResult();
    String comment = "{\"message\": \"Đã gửi dự thảo kế hoạch cho các chi bộ góp ý\"}";

    // Tasklist's "Thêm ý kiến" and its history tab, as the task's own organisation
    var added = send("POST", "/engine-rest/task/" + own.getId() + "/comment/create", "khanh-an-officer", comment);
    assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
    assertThat(json("/engine-rest/task/" + own.getId() + "/comment", "khanh-an-officer", 200))
        .extracting(c -> c.get("message").asText()).contains("Đã gửi dự thảo kế hoạch cho các chi bộ góp ý");
    assertThat(json("/engine-rest/history/task?processInstanceId=" + own.getProcessInstanceId(), "khanh-an-officer",
        200)).as("the congress's tasks so far").isNotEmpty();
    assertThat(json("/engine-rest/history/process-instance?processInstanceId=" + own.getProcessInstanceId(),
        "khanh-an-officer", 200)).hasSize(1);

    // and nothing of another organisation's congress
    assertThat(status("POST", "/engine-rest/task/" + other.getId() + "/comment/create", "khanh-an-officer", comment))
        .isIn(400, 403, 404);
    assertThat(json("/engine-rest/history/task?processInstanceId=" + other.getProcessInstanceId(),
        "khanh-an-officer", 200)).isEmpty();
    assertThat(json("/engine-rest/history/process-instance?processInstanceId=" + other.getProcessInstanceId(),
        "khanh-an-officer", 200)).isEmpty();
    assertThat(engine.getTaskService().getTaskComments(other.getId())).isEmpty();
  }

  /** The demo user of the task's candidate group: the officer of a staff group, the secretary of leaders. */
  private String workerOf(String taskId) {
    String group = engine.getTaskService().getIdentityLinksForTask(taskId).stream()
        .filter(link -> link.getGroupId() != null).findFirst().orElseThrow().getGroupId();
    // the demo user of <tenant>.<org>-staff is <org>-officer
    return group.substring(group.indexOf('.') + 1).replaceFirst("-staff$", "-officer")
        .replaceFirst("-leaders$", "-secretary");
  }

  private static String filterId(JsonNode filters, String name) {
    for (JsonNode filter : filters) {
      if (filter.get("name").asText().equals(name)) {
        return filter.get("id").asText();
      }
    }
    throw new AssertionError("no filter " + name);
  }

  private int status(String method, String path, String user, String body) throws Exception {
    return send(method, path, user, body).statusCode();
  }

  private JsonNode json(String path, String user, int expected) throws Exception {
    var response = send("GET", path, user, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    return new ObjectMapper().readTree(response.body());
  }

  private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(url(path)))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
