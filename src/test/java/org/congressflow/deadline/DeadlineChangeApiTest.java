package org.congressflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.congressflow.support.CampaignBuilder.aCampaign;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowWebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Only the district's organisation board and standing committee move deadlines, and only with a reason. */
@CongressFlowWebTest
class DeadlineChangeApiTest {

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theBoardMovesADeadlineAndACommuneCannot() throws Exception {
    var campaign = CampaignDriver.launch(engine, launcher, aCampaign().withBaseCommittee("khanh-an").withCells(1).build());
    user("board-" + campaign.campaignId(), campaign.groups().organisationBoard());
    user("an-" + campaign.campaignId(), campaign.groups().staff("khanh-an"));
    ClockUtil.setCurrentTime(CampaignDriver.at(LocalDate.of(2020, 3, 20)));
    String path = "/api/campaigns/" + campaign.campaignId() + "/deadlines";
    String change = """
        {"level": "cell", "newDate": "2020-04-30", "reason": "Giãn cách xã hội theo Chỉ thị 16/CT-TTg"}""";

    assertThat(post(path, change, null).statusCode()).isEqualTo(401);
    var commune = post(path, change, "an-" + campaign.campaignId());
    assertThat(commune.statusCode()).isEqualTo(403);
    assertThat(commune.body()).contains("Chỉ Ban Tổ chức và Ban Thường vụ Huyện ủy");
    var noReason = post(path, "{\"level\": \"cell\", \"newDate\": \"2020-04-30\"}", "board-" + campaign.campaignId());
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("Phải ghi lý do thay đổi hạn");

    var board = post(path, change, "board-" + campaign.campaignId());
    assertThat(board.statusCode()).as(board.body()).isEqualTo(200);
    assertThat(board.body()).contains("\"congressesMoved\":2");
    assertThat(campaign.task("khanh-an-cb-01", "PrepareCongressPlan").getDueDate())
        .isEqualTo(org.congressflow.campaign.DueDates.endOf(LocalDate.of(2020, 4, 30)));
  }

  private void user(String id, String group) {
    var identity = engine.getIdentityService();
    var user = identity.newUser(id);
    user.setPassword("secret-" + id);
    identity.saveUser(user);
    identity.createMembership(id, group);
  }

  private HttpResponse<String> post(String path, String json, String userId) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (userId != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((userId + ":secret-" + userId).getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
