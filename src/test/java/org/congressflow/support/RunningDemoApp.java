package org.congressflow.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The app as README starts it (demo profile, the Yên Khánh campaign started today) on a random port, shared by
 * the web tests, its e-mails going to the in-process SMTP server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.config.location=classpath:/",
    "spring.datasource.url=jdbc:h2:mem:congressflow-demo-web;DB_CLOSE_DELAY=-1",
    "congressflow.campaigns.location=config/campaigns",
    "congressflow.campaigns.launch-on-startup=true",
    "congressflow.campaigns.anchor-to-today=true"})
@ActiveProfiles({"test", "demo"})
@ContextConfiguration(initializers = TestSmtp.class)
public abstract class RunningDemoApp {

  public static final String PASSWORD = "demo";

  @LocalServerPort protected int port;

  /** Start-up has launched the campaign; its congresses start in jobs, which the tests' engine leaves to them. */
  @BeforeEach
  void congressesStarted(@Autowired ProcessEngine launchedOn) {
    new CampaignDriver(launchedOn, "yen-khanh-2020-2025").runLaunchJobs();
  }

  protected String url(String path) {
    return "http://localhost:" + port + path;
  }
}
