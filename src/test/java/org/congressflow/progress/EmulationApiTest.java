package org.congressflow.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.congressflow.support.CampaignBuilder.aCampaign;
import static org.congressflow.works.WorksDriver.work;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowWebTest;
import org.congressflow.works.WelcomingWorks;
import org.congressflow.works.WorksDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dashboard's welcoming works and review results: per organisation, filtered by who asks. */
@CongressFlowWebTest
class EmulationApiTest {

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  @Autowired WelcomingWorks welcomingWorks;
  @LocalServerPort int port;

  @Test
  void worksAndReviewResultsAreShownToTheDistrictAndEachOrganisationSeesItsOwn() throws Exception {
    var campaign = CampaignDriver.launch(engine, launcher, aCampaign().withBaseCommittee("khanh-an").withCells(1).build());
    String board = "board-" + campaign.campaignId();
    String trung = "trung-" + campaign.campaignId();
    user(board, campaign.groups().organisationBoard());
    user(trung, campaign.groups().staff("khanh-trung"));
    var works = new WorksDriver(engine, campaign);
    works.register("khanh-an", List.of(work("Nhà văn hóa thôn 1", "own", LocalDate.of(2020, 5, 1)),
        work("Đường liên thôn", "district", LocalDate.of(2020, 7, 1))));
    campaign.approve("khanh-an", "ApproveWorksList");
    campaign.moveTo(LocalDate.of(2019, 12, 20));
    works.completeWork(welcomingWorks.ids(campaign.campaignId(), "khanh-an").get(0), LocalDate.of(2019, 12, 20));
    campaign.runQualityReview("khanh-an");

    JsonNode all = json("/api/campaigns/" + campaign.campaignId() + "/emulation", board);
    assertThat(all.get("works")).hasSize(1);
    assertThat(all.get("works").get(0).get("name").asText()).isEqualTo("Đảng bộ khanh-an");
    assertThat(all.get("works").get(0).get("total").asInt()).isEqualTo(2);
    assertThat(all.get("works").get(0).get("completed").asInt()).isEqualTo(1);
    assertThat(all.get("reviewYear").asInt()).isEqualTo(2019);
    assertThat(all.get("review").get(0).get("organisationLevel").asText()).isEqualTo("good");
    assertThat(all.get("review").get(0).get("members").get("good").asInt()).isEqualTo(5);

    JsonNode own = json("/api/campaigns/" + campaign.campaignId() + "/emulation", trung);
    assertThat(own.get("works")).as("Khánh Trung has registered nothing and sees nothing of Khánh An").isEmpty();
    assertThat(own.get("review")).isEmpty();
  }

  private void user(String id, String group) {
    var identity = engine.getIdentityService();
    var user = identity.newUser(id);
    user.setPassword("secret-" + id);
    identity.saveUser(user);
    identity.createMembership(id, group);
  }

  private JsonNode json(String path, String userId) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString((userId + ":secret-" + userId).getBytes(StandardCharsets.UTF_8)));
    var response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }
}
