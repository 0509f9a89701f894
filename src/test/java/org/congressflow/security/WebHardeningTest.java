package org.congressflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.congressflow.support.CampaignBuilder.aCampaign;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.congressflow.campaign.CampaignDefinition;
import org.congressflow.campaign.CampaignDefinition.Organisation;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.campaign.DueDates;
import org.congressflow.organisation.Groups;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowWebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What an attacker sees of the web hardening: forged writes refused, headers on every path, uploads checked. */
@CongressFlowWebTest
class WebHardeningTest {

  static final String PASSWORD = "secret-123";
  /** Where the application runs from: a path of this machine that no answer may show. */
  private static final String BUILD_DIRECTORY = java.nio.file.Path.of("").toAbsolutePath().toString();
  static final String XSS = "<img src=x onerror=alert(1)>";

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aWriteWithOnlyTheSessionCookieIsRefusedAndWithTheWebappsTokenItWorks() throws Exception {
    var campaign = CampaignDriver.launch(engine, launcher, aCampaign().withBaseCommittee("khanh-an").withCells(1).build());
    String board = user("board-" + campaign.campaignId(), campaign.groups().organisationBoard());
    ClockUtil.setCurrentTime(CampaignDriver.at(LocalDate.of(2020, 3, 20)));
    var cellTask = campaign.task("khanh-an-cb-01", "PrepareCongressPlan");
    var dueBefore = cellTask.getDueDate();
    String path = "/api/campaigns/" + campaign.campaignId() + "/deadlines";
    String change = "{\"level\": \"cell\", \"newDate\": \"2020-04-30\", \"reason\": \"Giãn cách xã hội\"}";
    var browser = new LoggedIn(board);

    var forged = browser.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.ofString(change)));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("X-XSRF-TOKEN").doesNotContain("Exception");
    var wrongToken = browser.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", "guessed").POST(HttpRequest.BodyPublishers.ofString(change)));
    assertThat(wrongToken.statusCode()).isEqualTo(403);
    assertThat(campaign.task("khanh-an-cb-01", "PrepareCongressPlan").getDueDate()).isEqualTo(dueBefore);

    var withToken = browser.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", browser.token()).POST(HttpRequest.BodyPublishers.ofString(change)));
    assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
    assertThat(campaign.task("khanh-an-cb-01", "PrepareCongressPlan").getDueDate())
        .isEqualTo(DueDates.endOf(LocalDate.of(2020, 4, 30)));
    assertThat(browser.send(HttpRequest.newBuilder(uri("/api/me"))).body()).contains("\"userId\":\"" + board + "\"");

    var basic = send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .header("Authorization", basic(board)).POST(HttpRequest.BodyPublishers.ofString(
            change.replace("2020-04-30", "2020-05-15"))));
    assertThat(basic.statusCode()).as(basic.body()).isEqualTo(200);
    var anonymous = send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .header("X-Requested-With", "fetch").POST(HttpRequest.BodyPublishers.ofString(change)));
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).isEqualTo("{\"error\":\"Chưa đăng nhập hoặc sai mật khẩu\"}");
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(send(HttpRequest.newBuilder(uri("/api/me"))).headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
  }

  @Test
  void everyPathAnswersWithTheSecurityHeadersAndNoHstsOverPlainHttp() throws Exception {
    for (String path : List.of("/dashboard/", "/api/campaigns", "/engine-rest/engine", "/camunda/app/tasklist/",
        "/forms/hold-congress.html")) {
      var headers = send(HttpRequest.newBuilder(uri(path))).headers();
      assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
      assertThat(headers.firstValue("Strict-Transport-Security")).as(path).isEmpty();
      assertThat(headers.allValues("X-Content-Type-Options")).as(path).hasSize(1);
    }
    assertThat(send(HttpRequest.newBuilder(uri("/dashboard/"))).headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
    assertThat(send(HttpRequest.newBuilder(uri("/forms/hold-congress.html"))).body()).doesNotContain(BUILD_DIRECTORY);
  }

  @Test
  void aDocumentThatIsNoDocumentIsRefusedWithTheFieldNamed() throws Exception {
    var campaign = CampaignDriver.launch(engine, launcher, aCampaign().withBaseCommittee("khanh-an").withCells(1).build());
    campaign.complete("khanh-an", "PrepareCongressPlan");
    String officer = user("officer-" + campaign.campaignId(), campaign.groups().staff("khanh-an"));
    String task = campaign.task("khanh-an", "DraftPoliticalReport").getId();

    var exe = complete(task, officer, "bao-cao.exe", "application/x-msdownload", "MZ\u0090\u0000");
    assertThat(exe.body()).contains(
        "Tệp dự thảo báo cáo chính trị phải là PDF, DOC, DOCX hoặc ODT, không phải .exe");
    var page = complete(task, officer, "bao-cao.pdf", "application/pdf", "<html><script>alert(1)</script></html>");
    assertThat(page.body()).contains("có đuôi .pdf nhưng nội dung không phải tệp PDF");
    var declaredHtml = complete(task, officer, "bao-cao.pdf", "text/html", "%PDF-1.4");
    assertThat(declaredHtml.body()).contains("được gửi với kiểu text/html");
    assertThat(campaign.task("khanh-an", "DraftPoliticalReport")).isNotNull();

    var pdf = complete(task, officer, "bao-cao.pdf", "application/pdf", "%PDF-1.4 Dự thảo");
    assertThat(pdf.statusCode()).as(pdf.body()).isEqualTo(204);
  }

  @Test
  void anImportThatIsTooLargeOrNoSpreadsheetIsRefusedInVietnamese() throws Exception {
    String board = user("import-board-" + System.nanoTime(), new Groups("yen-khanh-2020-2025").organisationBoard());
    var large = new byte[5 * 1024 * 1024 + 300_000];
    large[0] = 'P';
    large[1] = 'K';
    var tooLarge = upload(board, "danh-sach.xlsx", "application/octet-stream", large);
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(tooLarge.body()).contains("Tệp tải lên quá lớn: tối đa 5 MB");

    var exe = upload(board, "danh-sach.exe", "application/x-msdownload", "MZ".getBytes(StandardCharsets.UTF_8));
    assertThat(exe.statusCode()).isEqualTo(415);
    assertThat(exe.body()).contains("phải là XLSX hoặc CSV, không phải .exe");
    var renamed = upload(board, "danh-sach.xlsx", "text/html", "<html></html>".getBytes(StandardCharsets.UTF_8));
    assertThat(renamed.statusCode()).isEqualTo(415);

    var unknown = upload(board, "danh-sach.csv", "text/csv", "STT\n".getBytes(StandardCharsets.UTF_8),
        "/api/campaigns/khong-co/organisation-import");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).doesNotContain("config/campaigns", BUILD_DIRECTORY);
  }

  @Test
  void apiErrorsAreVietnameseWithoutJavaDetails() throws Exception {
    String board = user("errors-board-" + System.nanoTime(), new Groups("yen-khanh-2020-2025").organisationBoard());
    var broken = send(HttpRequest.newBuilder(uri("/api/campaigns/x/deadlines")).header("Authorization", basic(board))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"newDate\": \"30/04\"")));
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).contains("Yêu cầu không hợp lệ").doesNotContain("Exception", "jackson", "at org.");
    var missing = send(HttpRequest.newBuilder(uri("/api/khong-co")).header("Authorization", basic(board)));
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("Không có địa chỉ này");
    var engineError = send(HttpRequest.newBuilder(uri("/engine-rest/task")).header("Authorization", basic(board))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{")));
    assertThat(engineError.body()).doesNotContain("\tat org.");
  }

  @Test
  void aNameWithMarkupIsShownAsTextOnTheDashboard() throws Exception {
    var built = aCampaign().withBaseCommittee("khanh-an").withCells(1).build();
    var organisations = new ArrayList<Organisation>();
    for (var o : built.organisations()) {
      organisations.add(o.id().equals("khanh-an")
          ? new Organisation(o.id(), XSS, o.type(), o.kind(), o.members(), o.congress(), o.cells()) : o);
    }
    var campaign = new CampaignDefinition(built.id(), "Đợt " + XSS, built.term(), built.illustrativeCounts(),
        built.district(), built.superior(), built.pilot(), built.deadlines(), built.qualityReview(), built.rules(),
        built.deadlinePolicy(), organisations);
    ClockUtil.setCurrentTime(CampaignDriver.at(LocalDate.of(2019, 11, 20)));
    CampaignDriver.launch(engine, launcher, campaign);
    String member = user("xss-" + campaign.id(), Groups.of(campaign).standingCommittee());

    var options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new", "--no-sandbox",
        "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--window-size=1280,900",
        "--user-data-dir=" + Files.createTempDirectory("congressflow-chromium"));
    var browser = new ChromeDriver(new ChromeDriverService.Builder()
        .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build(), options);
    try {
      var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      browser.get(url("/dashboard/?campaign=" + campaign.id()));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
      browser.findElement(By.id("username")).sendKeys(member);
      browser.findElement(By.id("password")).sendKeys(PASSWORD);
      browser.findElement(By.id("login-button")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#organisations tr[data-organisation='khanh-an']")));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#timeline svg")));

      assertThat(browser.findElement(By.cssSelector("tr[data-organisation='khanh-an']")).getText()).contains(XSS);
      assertThat(browser.findElement(By.id("campaign-name")).getText()).isEqualTo("Đợt " + XSS);
      assertThat(browser.findElements(By.cssSelector("img"))).isEmpty();
      assertThat(((JavascriptExecutor) browser).executeScript("return document.querySelectorAll('img').length"))
          .isEqualTo(0L);
    } finally {
      browser.quit();
    }
  }

  @Test
  void behindATlsProxyAnswersCarryHstsAndTheSessionCookieIsSecure() throws Exception {
    var tasklist = send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/")).header("X-Forwarded-Proto", "https"));
    assertThat(tasklist.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
    assertThat(tasklist.headers().allValues("Set-Cookie"))
        .anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=").containsPattern("(?i);\\s*Secure"));
    var api = send(HttpRequest.newBuilder(uri("/api/me")).header("X-Forwarded-Proto", "https"));
    assertThat(api.headers().firstValue("Strict-Transport-Security")).isPresent();
  }

  /** A client with a cookie jar that logged in through the webapps' login, as the dashboard does. */
  final class LoggedIn {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    private String token;

    LoggedIn(String userId) throws Exception {
      send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/")));
      token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
          .orElseThrow().getValue();
      var login = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
          .POST(HttpRequest.BodyPublishers.ofString("username=" + userId + "&password=" + PASSWORD)));
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      token = send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/"))).headers().firstValue("X-XSRF-TOKEN")
          .orElse(token);
    }

    String token() {
      return token;
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  private HttpResponse<String> complete(String taskId, String user, String fileName, String mimeType, String content)
      throws Exception {
    String file = Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.ISO_8859_1));
    String body = """
        {"variables": {"politicalReport": {"type": "File", "value": "%s",
          "valueInfo": {"filename": "%s", "mimeType": "%s"}},
          "draftSummary": {"type": "String", "value": "Dự thảo lần 1"}}}""".formatted(file, fileName, mimeType);
    return send(HttpRequest.newBuilder(uri("/engine-rest/task/" + taskId + "/complete"))
        .header("Authorization", basic(user)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> upload(String user, String fileName, String type, byte[] content) throws Exception {
    return upload(user, fileName, type, content, "/api/campaigns/yen-khanh-2020-2025/organisation-import");
  }

  private HttpResponse<String> upload(String user, String fileName, String type, byte[] content, String path)
      throws Exception {
    String boundary = "----congressflow";
    var body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private String user(String id, String group) {
    var identity = engine.getIdentityService();
    if (identity.createGroupQuery().groupId(group).count() == 0) {
      identity.saveGroup(identity.newGroup(group));
    }
    var user = identity.newUser(id);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, group);
    return id;
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create(url(path));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
