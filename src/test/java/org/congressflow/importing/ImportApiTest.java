package org.congressflow.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.congressflow.campaign.CampaignFileReader;
import org.congressflow.organisation.Groups;
import org.congressflow.support.CongressFlowWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The organisation board uploads its list and gets the campaign file, or every bad row; others may not. */
@CongressFlowWebTest
class ImportApiTest {

  @Autowired IdentityService identity;
  @LocalServerPort int port;

  @Test
  void organisationBoardGetsTheCampaignFileOrEveryBadRow() throws Exception {
    user("import-board", new Groups("yen-khanh-2020-2025").organisationBoard());
    user("import-commune", new Groups("yen-khanh-2020-2025").staff("khanh-an"));
    byte[] good = CampaignImportTest.xlsx(List.of(CampaignImportTest.HEADER,
        new Object[] {1, "Đảng bộ xã Khánh Trung", "Đảng bộ cơ sở", "xã", 380, "Chi bộ xóm 1", 60}));
    byte[] bad = CampaignImportTest.xlsx(List.of(CampaignImportTest.HEADER,
        new Object[] {1, "Đảng bộ xã Khánh Trung", "Đảng bộ cơ sở", "xã", 0, "Chi bộ xóm 1", 60}));

    var ok = upload("import-board", good);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(new CampaignFileReader().parse(ok.body(), "answer").organisationList()).hasSize(1);

    var refused = upload("import-board", bad);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("Dòng 2: Số đảng viên phải là số nguyên dương, không phải '0'");

    assertThat(upload("import-commune", good).statusCode()).isEqualTo(403);
    assertThat(upload(null, good).statusCode()).isEqualTo(401);
  }

  private void user(String id, String group) {
    if (identity.createGroupQuery().groupId(group).count() == 0) {
      identity.saveGroup(identity.newGroup(group));
    }
    if (identity.createUserQuery().userId(id).count() == 0) {
      var user = identity.newUser(id);
      user.setPassword("secret-123");
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
  }

  private HttpResponse<String> upload(String user, byte[] xlsx) throws Exception {
    String boundary = "----congressflow";
    var body = new java.io.ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"danh-sach.xlsx\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(xlsx);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    var request = HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/campaigns/yen-khanh-2020-2025/organisation-import"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":secret-123").getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
