package org.congressflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app as README starts it (demo profile, the Yên Khánh campaign started today) on a random port, shared by
 * the web tests. The tasks that upload a document use their embedded HTML form (static/forms): until the
 * processes reference them, this deploys copies of the processes with {@code camunda:formKey} set for them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.config.location=classpath:/",
    "spring.datasource.url=jdbc:h2:mem:congressflow-web;DB_CLOSE_DELAY=-1",
    "congressflow.campaigns.location=config/campaigns",
    "congressflow.campaigns.launch-on-startup=true",
    "congressflow.campaigns.anchor-to-today=true"})
@ActiveProfiles({"test", "demo"})
public abstract class RunningDemoApp {

  public static final String PASSWORD = "demo";
  /** The tasks whose form uploads a document, with the embedded form each needs. */
  public static final List<String> UPLOAD_TASKS = List.of("DraftPoliticalReport", "DraftCongressDocuments",
      "PreparePersonnelPlan", "HoldCongress", "HoldPilotCongress");

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void processesWithEmbeddedUploadForms(DynamicPropertyRegistry registry) {
    Path dir = Path.of("target/processes-with-upload-forms");
    try {
      Files.createDirectories(dir);
      try (var files = Files.list(Path.of("processes"))) {
        for (Path bpmn : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
          Files.writeString(dir.resolve(bpmn.getFileName()), withUploadForms(Files.readString(bpmn)),
              StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    registry.add("camunda.bpm.deployment-resource-pattern[0]", () -> "file:" + dir.toAbsolutePath() + "/*.bpmn");
    registry.add("camunda.bpm.deployment-resource-pattern[1]", () -> "classpath*:processes/**/*.dmn");
    registry.add("camunda.bpm.deployment-resource-pattern[2]", () -> "classpath*:processes/**/*.form");
  }

  /** {@code camunda:formRef="draft-political-report" camunda:formRefBinding="latest"} becomes the embedded form. */
  static String withUploadForms(String bpmn) {
    for (String task : UPLOAD_TASKS) {
      String form = task.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
      bpmn = bpmn.replaceAll("(<bpmn:userTask id=\"" + task + "\"[^>]*?)camunda:formRef=\"" + Pattern.quote(form)
          + "\" camunda:formRefBinding=\"latest\"", "$1camunda:formKey=\"embedded:/forms/" + form + ".html\"");
    }
    return bpmn;
  }

  protected String url(String path) {
    return "http://localhost:" + port + path;
  }
}
