package org.congressflow.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.congressflow.campaign.CampaignDefinition;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.organisation.Groups;
import org.congressflow.support.CampaignBuilder;
import org.congressflow.support.CampaignDriver;

/**
 * A campaign seen on 10/04/2020: the pilot Khánh Trung (one cell, done), Khánh An (three cells, one done, two
 * late) and the base cell Khánh Hòa; with a standing committee member and a Khánh An officer who can log in.
 */
final class DashboardFixture {

  static final String PASSWORD = "secret-123";
  static final LocalDate TODAY = LocalDate.of(2020, 4, 10);

  final CampaignDefinition campaign;
  final String standingCommitteeMember;
  final String khanhAnOfficer;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  DashboardFixture(ProcessEngine engine, CampaignLauncher launcher, int port) {
    this.port = port;
    campaign = CampaignBuilder.aCampaign().withBaseCommittee("khanh-an").withCells(3).withBaseCell("khanh-hoa").build();
    ClockUtil.setCurrentTime(CampaignDriver.at(LocalDate.of(2019, 11, 20)));
    var driver = CampaignDriver.launch(engine, launcher, campaign);
    ClockUtil.setCurrentTime(CampaignDriver.at(LocalDate.of(2020, 3, 20)));
    driver.runCellCongress("khanh-trung-cb-01", LocalDate.of(2020, 3, 20));
    driver.runCellCongress("khanh-an-cb-01", LocalDate.of(2020, 3, 20));
    driver.complete("khanh-an", "PrepareCongressPlan");
    ClockUtil.setCurrentTime(CampaignDriver.at(TODAY));
    standingCommitteeMember = user(engine, "standing-" + campaign.id(), Groups.of(campaign).standingCommittee());
    khanhAnOfficer = user(engine, "khanh-an-" + campaign.id(), Groups.of(campaign).staff("khanh-an"));
  }

  private static String user(ProcessEngine engine, String id, String group) {
    var identity = engine.getIdentityService();
    var user = identity.newUser(id);
    user.setFirstName("Người");
    user.setLastName("Dùng thử");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, group);
    return id;
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  HttpResponse<byte[]> get(String path, String user) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(url(path)));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  JsonNode json(String path, String user) throws Exception {
    var response = get(path, user);
    if (response.statusCode() != 200) {
      throw new AssertionError(path + " answered " + response.statusCode() + ": " + new String(response.body(),
          StandardCharsets.UTF_8));
    }
    return new ObjectMapper().readTree(response.body());
  }

  String progressPath() {
    return "/api/campaigns/" + campaign.id() + "/progress";
  }
}
