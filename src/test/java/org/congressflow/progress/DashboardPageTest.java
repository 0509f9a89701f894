package org.congressflow.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.support.CongressFlowWebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dashboard page in a real headless Chromium: login, numbers as the API has them, cells, phone width. */
@CongressFlowWebTest
class DashboardPageTest {

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  @LocalServerPort int port;
  DashboardFixture fixture;
  ChromeDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void openBrowser() throws Exception {
    fixture = new DashboardFixture(engine, launcher, port);
    var options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new", "--no-sandbox",
        "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--window-size=1280,900",
        "--user-data-dir=" + Files.createTempDirectory("congressflow-chromium"));
    var service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
        .build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterEach
  void closeBrowser() {
    ClockUtil.reset();
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void standingCommitteeMemberSeesTheNumbersOfTheApiAfterLoggingIn() throws Exception {
    logIn(fixture.standingCommitteeMember);
    JsonNode progress = fixture.json(fixture.progressPath(), fixture.standingCommitteeMember);

    for (JsonNode counts : progress.get("counts")) {
      for (String key : List.of("total", "done", "inProgress", "dueSoon", "overdue")) {
        String shown = browser.findElement(By.cssSelector("[data-count='" + counts.get("level").asText() + "-" + key + "']"))
            .getText();
        assertThat(shown).as("%s %s", counts.get("level").asText(), key).isEqualTo(counts.get(key).asText());
      }
    }
    List<WebElement> rows = browser.findElements(By.cssSelector("#organisations tbody tr"));
    assertThat(attributes(rows, "data-organisation")).containsExactlyElementsOf(ids(progress.get("organisations")));
    WebElement khanhAn = row("khanh-an");
    assertThat(khanhAn.getText()).contains("Soạn thảo báo cáo chính trị", "30/06/2020", "1/3 xong, 2 quá hạn");
    JsonNode khanhAnJson = progress.get("organisations").get(2);
    assertThat(khanhAn.findElement(By.linkText("Đảng bộ khanh-an")).getAttribute("href"))
        .endsWith(khanhAnJson.get("cockpitUrl").asText());
    assertThat(khanhAn.findElement(By.linkText("Việc đang mở")).getAttribute("href"))
        .endsWith(khanhAnJson.get("tasklistUrl").asText());
    assertThat(browser.findElement(By.id("pilot-lessons")).getText()).isEqualTo("Chưa công bố");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("works"), "Chưa có danh sách công trình"));
    assertThat(browser.findElement(By.id("review")).getText()).contains("Xếp loại tổ chức", "Chưa có kết quả");
    assertThat(browser.findElement(By.id("today")).getText()).isEqualTo("10/04/2020");
    assertThat(browser.findElements(By.cssSelector("#timeline svg rect"))).hasSize(rows.size());
    assertThat(timelineLabelProblems()).as("every label of the timeline inside the chart, none over another").isEmpty();
    assertThat(browser.findElement(By.id("user")).getText()).as("greeted by name").isEqualTo("Người Dùng thử");
    assertThat(browser.findElement(By.id("xlsx")).getAttribute("href"))
        .endsWith("/api/campaigns/" + fixture.campaign.id() + "/progress.xlsx");

    khanhAn.findElement(By.cssSelector("button.toggle")).click();
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.cell[data-parent='khanh-an']"), 3));
    WebElement lateCell = row("khanh-an-cb-02");
    assertThat(lateCell.findElement(By.cssSelector(".days-late")).getText()).isEqualTo("10");
    assertThat(lateCell.getText()).contains("Quá hạn", "31/03/2020");

    row("khanh-an-cb-01").findElement(By.cssSelector("button.history")).click();
    var history = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("tr.decisions[data-decisions='khanh-an-cb-01']")));
    assertThat(history.findElements(By.cssSelector(".decision-list > tbody > tr"))).extracting(WebElement::getText)
        .as("the three gates of the ratified cell, from the decision record").hasSize(3)
        .allMatch(text -> text.startsWith("20/03/2020") && text.contains("Chấp thuận") && text.contains("Đồng ý"));
    assertThat(history.getText()).contains("Cho ý kiến văn kiện đại hội chi bộ", "Chuẩn y kết quả đại hội chi bộ");
    Files.write(Path.of("target/dashboard-laptop.png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void communeOfficerSeesItsOwnOrganisationAndCellsAndThePageFitsAPhone() throws Exception {
    // a phone's viewport (a headless window cannot be narrower than 500 px)
    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 375, "height", 812, "deviceScaleFactor", 2, "mobile", true));
    logIn(fixture.khanhAnOfficer);

    List<WebElement> rows = browser.findElements(By.cssSelector("#organisations tbody tr"));
    assertThat(attributes(rows, "data-organisation"))
        .containsExactly("khanh-an", "khanh-an-cb-01", "khanh-an-cb-02", "khanh-an-cb-03");
    assertThat(browser.findElement(By.cssSelector("[data-count='district-total']")).getText()).isEqualTo("0");
    long pageWidth = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
    long viewport = (Long) ((JavascriptExecutor) browser).executeScript("return window.innerWidth");
    assertThat(viewport).isEqualTo(375);
    assertThat(pageWidth).as("no sideways scrolling on a phone").isLessThanOrEqualTo(viewport);
    WebElement timeline = browser.findElement(By.id("timeline"));
    assertThat(timeline.findElement(By.tagName("svg")).getRect().getWidth()).as("the timeline keeps a readable size")
        .isGreaterThanOrEqualTo(900);
    assertThat(timeline.getCssValue("overflow-x")).as("and scrolls sideways inside its card").isEqualTo("auto");
    Files.write(Path.of("target/dashboard-phone.png"), browser.getScreenshotAs(OutputType.BYTES));

    browser.findElement(By.id("logout")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
  }

  @Test
  void wrongPasswordIsRefusedOnThePage() {
    browser.get(fixture.url("/dashboard"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
    browser.findElement(By.id("username")).sendKeys("nobody-" + fixture.campaign.id());
    browser.findElement(By.id("password")).sendKeys("wrong");
    browser.findElement(By.id("login-button")).click();
    wait.until(ExpectedConditions.textToBe(By.id("login-error"), "Sai tên đăng nhập hoặc mật khẩu."));
    assertThat(browser.findElement(By.id("dashboard")).isDisplayed()).isFalse();
    assertThat(List.of("xlsx", "print", "logout", "campaign-select")).as("no actions before a login")
        .allSatisfy(id -> assertThat(browser.findElement(By.id(id)).isDisplayed()).as(id).isFalse());
  }

  /** The timeline's labels that leave the chart or cross another label, as "text: why". */
  @SuppressWarnings("unchecked")
  private List<String> timelineLabelProblems() {
    return (List<String>) browser.executeScript("""
        const svg = document.querySelector('#timeline svg');
        const width = svg.viewBox.baseVal.width;
        const boxes = [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent, box: t.getBBox() }));
        const problems = [];
        boxes.forEach((a, i) => {
          if (a.box.x < 0 || a.box.x + a.box.width > width) problems.push(a.text + ': outside the chart');
          boxes.slice(i + 1).forEach((b) => {
            const apart = a.box.x + a.box.width <= b.box.x || b.box.x + b.box.width <= a.box.x
              || a.box.y + a.box.height <= b.box.y || b.box.y + b.box.height <= a.box.y;
            if (!apart) problems.push(a.text + ': over ' + b.text);
          });
        });
        return problems;""");
  }

  private void logIn(String user) {
    browser.get(fixture.url("/dashboard/?campaign=" + fixture.campaign.id()));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(DashboardFixture.PASSWORD);
    browser.findElement(By.id("login-button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard")));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#timeline svg")));
  }

  private WebElement row(String organisationId) {
    return browser.findElement(By.cssSelector("#organisations tr[data-organisation='" + organisationId + "']"));
  }

  private static List<String> attributes(List<WebElement> elements, String attribute) {
    return elements.stream().map(e -> e.getAttribute(attribute)).toList();
  }

  private static List<String> ids(JsonNode organisations) {
    var ids = new ArrayList<String>();
    organisations.forEach(o -> ids.add(o.get("organisationId").asText()));
    return ids;
  }
}
