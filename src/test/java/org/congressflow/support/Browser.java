package org.congressflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium, in Vietnamese unless a test asks otherwise, one fresh profile per test. As a JUnit extension it saves a screenshot
 * and the page source of a failed test under target/screenshots, and closes the browsers a test opened.
 */
public class Browser implements TestWatcher {

  private static final ThreadLocal<Browser> CURRENT = new ThreadLocal<>();
  private static final ThreadLocal<java.util.List<Browser>> OPEN = ThreadLocal.withInitial(java.util.ArrayList::new);

  private WebDriver driver;
  private Path profile;

  public static Browser open() {
    return open("vi");
  }

  /** A browser whose user asked for pages in this language first (e.g. "en" for an English Chromium). */
  public static Browser open(String language) {
    var browser = new Browser();
    try {
      browser.profile = Files.createTempDirectory("chromium-profile");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,1400", "--lang=" + language, "--user-data-dir=" + browser.profile);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    var service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
        .build();
    browser.driver = new ChromeDriver(service, options);
    CURRENT.set(browser);
    OPEN.get().add(browser);
    return browser;
  }

  public WebDriver driver() {
    return driver;
  }

  public WebElement waitFor(By by) {
    return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public WebElement waitForClickable(By by) {
    return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(by));
  }

  public void waitForText(String text) {
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> pageText().contains(text));
  }

  /** Writes what the browser shows now to {@code target/screenshots/<name>.png}, for a person to look at. */
  public Path screenshot(String name) throws java.io.IOException {
    Path dir = Files.createDirectories(Path.of("target/screenshots"));
    return Files.write(dir.resolve(name + ".png"), ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
  }

  public String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Logs in to a Camunda webapp ("tasklist", "cockpit") with the login page shown in Vietnamese. */
  public void logIn(String baseUrl, String app, String user, String password) {
    driver.get(baseUrl + "/camunda/app/" + app + "/default/");
    waitFor(By.cssSelector("input[ng-model='username']")).sendKeys(user);
    driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
    driver.findElement(By.cssSelector("button[type='submit']")).click();
  }

  private void close() {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
  }

  @Override
  public void testSuccessful(ExtensionContext context) {
    closeCurrent();
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    closeCurrent();
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    Browser browser = CURRENT.get();
    if (browser == null || browser.driver == null) {
      return;
    }
    screenshot(browser, context);
    closeCurrent();
    CURRENT.remove();
  }

  private static void closeCurrent() {
    OPEN.get().forEach(Browser::close);
    OPEN.get().clear();
  }

  private static void screenshot(Browser browser, ExtensionContext context) {
    try {
      Path dir = Files.createDirectories(Path.of("target/screenshots"));
      String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName().replaceAll("\\W+", "");
      byte[] png = ((ChromeDriver) browser.driver).getScreenshotAs(OutputType.BYTES);
      Files.write(dir.resolve(name + ".png"), png);
      Files.writeString(dir.resolve(name + ".html"), browser.driver.getPageSource());
      var console = new StringBuilder();
      browser.driver.manage().logs().get("browser").forEach(entry -> console.append(entry).append('\n'));
      Files.writeString(dir.resolve(name + "-console.txt"), console);
    } catch (IOException | RuntimeException e) {
      System.err.println("No screenshot: " + e);
    }
  }
}
