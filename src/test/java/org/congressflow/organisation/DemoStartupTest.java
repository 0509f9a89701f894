package org.congressflow.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.camunda.bpm.engine.ProcessEngine;
import org.congressflow.campaign.DueDates;
import org.congressflow.support.CampaignDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a user gets from README's start command: the Yên Khánh campaign started today, demo logins per role
 * and organisation, Tasklist reachable, and a REST API that needs a login and shows each organisation its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.config.location=classpath:/",
    "spring.datasource.url=jdbc:h2:mem:congressflow-demo;DB_CLOSE_DELAY=-1",
    "congressflow.campaigns.location=config/campaigns",
    "congressflow.campaigns.launch-on-startup=true",
    "congressflow.campaigns.anchor-to-today=true"})
@ActiveProfiles({"test", "demo"})
class DemoStartupTest {

  private static final String PASSWORD = "demo";

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

  /** Start-up has launched the campaign; its congresses start in jobs, which the tests' engine leaves to them. */
  @BeforeEach
  void congressesStarted() {
    new CampaignDriver(engine, "yen-khanh-2020-2025").runLaunchJobs();
  }

  @Test
  void yenKhanhCampaignIsStartedTodayWithTheSeedsIntervals() {
    var task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("khanh-an")
        .taskDefinitionKey("PrepareCongressPlan").singleResult();
    long seedInterval = ChronoUnit.DAYS.between(LocalDate.of(2019, 11, 20), LocalDate.of(2020, 6, 30));

    assertThat(task.getDueDate()).isEqualTo(DueDates.endOf(LocalDate.now(DueDates.ZONE).plusDays(seedInterval)));
  }

  @Test
  void theReviewsDatesAndTheProvincialCongressMoveWithTheOtherDatesButNotTheYearReviewed() {
    var today = LocalDate.now(DueDates.ZONE);
    var enterMembers = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("khanh-an")
        .taskDefinitionKey("EnterMembers").singleResult();
    assertThat(enterMembers.getDueDate()).isEqualTo(DueDates.endOf(today.plusDays(
        ChronoUnit.DAYS.between(LocalDate.of(2019, 11, 20), LocalDate.of(2019, 12, 15)))));
    assertThat(enterMembers.getName()).endsWith("năm 2019");

    var districtWorks = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("welcoming-works")
        .processInstanceBusinessKey("yen-khanh").singleResult();
    assertThat(engine.getRuntimeService().getVariable(districtWorks.getId(), "provincialCongressDue"))
        .isEqualTo(DueDates.endOf(today.plusDays(
            ChronoUnit.DAYS.between(LocalDate.of(2019, 11, 20), LocalDate.of(2020, 10, 14)))));
  }

  @Test
  void everyRoleAndOrganisationHasADemoLogin() {
    var identity = engine.getIdentityService();
    for (String user : new String[] {"admin", "khanh-trung-officer", "khanh-trung-secretary", "khanh-an-cb-01-officer",
        "standing-committee-member", "organisation-board-officer", "inspection-officer", "province-liaison-officer",
        "yen-khanh-officer", "manager"}) {
      assertThat(identity.checkPassword(user, PASSWORD)).as("login of %s", user).isTrue();
    }
    assertThat(identity.createUserQuery().userId("khanh-trung-officer").singleResult().getEmail())
        .isEqualTo("khanh-trung-officer@demo.congressflow.vn");
    assertThat(identity.createGroupQuery().groupMember("khanh-trung-officer").singleResult().getName())
        .isEqualTo("Cán bộ giúp việc - Đảng bộ xã Khánh Trung");
  }

  @Test
  void tasklistAndCockpitAreServed() throws Exception {
    assertThat(get("/camunda/app/tasklist/", null).statusCode()).isEqualTo(200);
    assertThat(get("/camunda/app/cockpit/", null).statusCode()).isEqualTo(200);
  }

  @Test
  void restApiNeedsALoginAndShowsEachOrganisationOnlyItsOwnTasks() throws Exception {
    assertThat(get("/engine-rest/task", null).statusCode()).isEqualTo(401);
    // a wrong password locks the account for a while: use one nobody else in this test logs in with
    assertThat(get("/engine-rest/task", "khanh-hai-officer:wrong").statusCode()).isEqualTo(401);

    JsonNode khanhTrungTasks = json(get("/engine-rest/task", "khanh-trung-officer:" + PASSWORD));
    assertThat(khanhTrungTasks).as("congress plan, welcoming works, 2019 review").hasSize(3)
        .allSatisfy(task -> assertThat(engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(task.get("processInstanceId").asText()).singleResult().getBusinessKey())
            .isEqualTo("khanh-trung"));
    JsonNode plan = null;
    for (JsonNode task : khanhTrungTasks) {
      plan = task.get("taskDefinitionKey").asText().equals("PrepareCongressPlan") ? task : plan;
    }
    String taskId = plan.get("id").asText();
    assertThat(plan.get("description").asText()).startsWith("Đảng bộ xã Khánh Trung");

    assertThat(json(get("/engine-rest/task", "khanh-an-officer:" + PASSWORD)))
        .allSatisfy(task -> assertThat(task.get("id").asText()).isNotEqualTo(taskId));
    assertThat(get("/engine-rest/task/" + taskId, "khanh-an-officer:" + PASSWORD).statusCode()).isIn(403, 404);
  }

  private HttpResponse<String> get(String path, String credentials) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (credentials != null) {
      request.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }
}
