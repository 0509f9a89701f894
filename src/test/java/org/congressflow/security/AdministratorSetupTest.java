package org.congressflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.congressflow.CongressFlowApplication;
import org.congressflow.campaign.DueDates;
import org.congressflow.support.CampaignDriver;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A start without the demo profile, as production runs it (no test profile either): closed unless a strong
 * administrator password is configured, the administrator ready before the first request, Camunda's set-up page shut.
 */
class AdministratorSetupTest {

  private static final String STRONG = "Qu4n-Tri#Huyen-2025";
  private static final AtomicInteger DATABASES = new AtomicInteger();

  @Test
  void productionStartWithoutAdministratorIsRefusedNamingTheVariables() {
    assertThatThrownBy(() -> start(database()).close())
        .rootCause().hasMessageContaining("Refusing to start without the demo profile")
        .hasMessageContaining("CONGRESSFLOW_ADMIN_ID").hasMessageContaining("CONGRESSFLOW_ADMIN_PASSWORD");
  }

  @Test
  void productionStartWithADemoPasswordIsRefused() {
    assertThatThrownBy(() -> start(database(), "congressflow.admin.id=admin", "congressflow.admin.password=demo").close())
        .rootCause().hasMessageContaining("CONGRESSFLOW_ADMIN_PASSWORD is a demo or well-known password");
    assertThatThrownBy(() -> start(database(), "congressflow.admin.id=admin", "congressflow.demo.password=Sup3r-Demo#Pass",
        "congressflow.admin.password=Sup3r-Demo#Pass").close())
        .rootCause().hasMessageContaining("demo or well-known password");
  }

  @Test
  void productionStartWithAWeakPasswordIsRefusedByCamundasPasswordPolicy() {
    assertThatThrownBy(() -> start(database(), "congressflow.admin.id=admin", "congressflow.admin.password=secret-123")
        .close())
        .rootCause().hasMessageContaining("CONGRESSFLOW_ADMIN_PASSWORD does not meet the password policy")
        .hasMessageContaining("PASSWORD_POLICY_UPPERCASE");
  }

  @Test
  void productionStartProvisionsTheAdministratorShutsTheSetupPageAndKeepsTheCampaignFilesDates() throws Exception {
    String database = database();
    try (var app = start(database, "congressflow.admin.id=quan-tri", "congressflow.admin.password=" + STRONG,
        "congressflow.campaigns.location=config/campaigns", "congressflow.campaigns.launch-on-startup=true")) {
      var engine = app.getBean(ProcessEngine.class);
      var identity = engine.getIdentityService();
      assertThat(identity.createUserQuery().userId("quan-tri").memberOfGroup("camunda-admin").count()).isEqualTo(1);
      assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn("camunda-admin").count())
          .as("ALL on every resource type, as Camunda's own admin creation grants").isPositive();

      var web = new Webapp(((WebServerApplicationContext) app).getWebServer().getPort());
      var login = web.post("/camunda/api/admin/auth/user/default/login/admin", "application/x-www-form-urlencoded",
          "username=quan-tri&password=" + URLEncoder.encode(STRONG, StandardCharsets.UTF_8));
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

      var stranger = new Webapp(web.port);
      var setup = stranger.post("/camunda/api/admin/setup/default/user/create", "application/json",
          "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"a@b.vn\"},"
              + "\"credentials\":{\"password\":\"" + STRONG + "\"}}");
      assertThat(setup.statusCode()).isEqualTo(403);
      assertThat(stranger.post("/camunda/api/admin//setup/default/user/create", "application/json", "{}")
          .statusCode()).as("refused by the firewall or the blocker").isIn(400, 403);
      assertThat(identity.createUserQuery().userId("intruder").count()).isZero();

      new CampaignDriver(engine, "yen-khanh-2020-2025").runLaunchJobs(); // the congresses start in jobs
      var plan = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("khanh-an")
          .taskDefinitionKey("PrepareCongressPlan").singleResult();
      assertThat(plan.getDueDate()).as("the Yên Khánh base congress deadline of the file")
          .isEqualTo(DueDates.endOf(LocalDate.of(2020, 6, 30)));

      var weak = identity.newUser("yeu");
      weak.setPassword("secret-123");
      assertThatThrownBy(() -> identity.saveUser(weak)).as("the engine's password policy is on in production")
          .isInstanceOf(ProcessEngineException.class);
    }
    // a later start keeps a password changed in Admin
    try (var app = start(database, "congressflow.admin.id=quan-tri", "congressflow.admin.password=" + STRONG)) {
      var identity = app.getBean(ProcessEngine.class).getIdentityService();
      var admin = identity.createUserQuery().userId("quan-tri").singleResult();
      admin.setPassword("Da-Doi#Mat-Khau-9");
      identity.saveUser(admin);
    }
    try (var app = start(database, "congressflow.admin.id=quan-tri", "congressflow.admin.password=" + STRONG)) {
      var identity = app.getBean(ProcessEngine.class).getIdentityService();
      assertThat(identity.checkPassword("quan-tri", "Da-Doi#Mat-Khau-9")).isTrue();
      assertThat(identity.checkPassword("quan-tri", STRONG)).isFalse();
    }
  }

  @Test
  void productionStartIsRefusedWhileADemoAccountKeepsItsDemoPassword() {
    String database = database();
    try (var app = start(database, "congressflow.admin.id=quan-tri", "congressflow.admin.password=" + STRONG)) {
      var identity = (IdentityServiceImpl) app.getBean(ProcessEngine.class).getIdentityService();
      var left = identity.newUser("standing-committee-member");
      left.setPassword("demo");
      identity.saveUser(left, true); // as a former demo start left it
    }
    assertThatThrownBy(() -> start(database, "congressflow.admin.id=quan-tri", "congressflow.admin.password=" + STRONG)
        .close())
        .rootCause().hasMessageContaining("the accounts standing-committee-member still have a demo password")
        .hasMessageContaining("Change their passwords or delete these accounts");
  }

  private static String database() {
    return "spring.datasource.url=jdbc:h2:mem:congressflow-admin-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
  }

  /** The application as `java -jar` starts it without a profile, on its own in-memory database. */
  private static ConfigurableApplicationContext start(String database, String... properties) {
    var all = new LinkedHashMap<String, String>();
    Stream.concat(Stream.of("spring.config.location=classpath:/", database, "server.port=0",
        "camunda.bpm.job-execution.enabled=false", "congressflow.campaigns.launch-on-startup=false",
        "camunda.bpm.generic-properties.properties.history-cleanup-enabled=false"), Stream.of(properties))
        .forEach(property -> all.put(property.substring(0, property.indexOf('=')), property));
    // as command-line arguments: they outrank application.yaml, as the environment does in production
    return new SpringApplicationBuilder(CongressFlowApplication.class)
        .run(all.values().stream().map(property -> "--" + property).toArray(String[]::new));
  }

  /** A browser's way to the webapp API: the XSRF cookie from a page, sent back as a header. */
  private static final class Webapp {
    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    Webapp(int port) {
      this.port = port;
      this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    HttpResponse<String> post(String path, String contentType, String body) throws Exception {
      http.send(HttpRequest.newBuilder(uri("/camunda/app/admin/default/")).build(), HttpResponse.BodyHandlers.ofString());
      String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).findFirst().orElseThrow();
      return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
          .header("X-XSRF-TOKEN", token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
      return URI.create("http://localhost:" + port + path);
    }
  }
}
