package org.congressflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.community.process_test_coverage.core.export.CoverageStateJsonExporter;
import org.camunda.community.process_test_coverage.core.export.CoverageStateResult;
import org.camunda.community.process_test_coverage.core.model.Event;
import org.camunda.community.process_test_coverage.core.model.EventSource;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.camunda.community.process_test_coverage.report.CoverageReportUtil;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Process coverage of the whole test run, per model: camunda-process-test-coverage writes one report per test
 * class (target/process-test-coverage/&lt;class&gt;/report.json and .html) and asserts only per class, so this
 * check, run last, combines this run's reports as the library's Maven aggregator does, writes the aggregate
 * report to target/process-test-coverage/all/ and fails when a model of processes/ has under 90% of its flow
 * nodes passed.
 */
@Order(Integer.MAX_VALUE)
class ProcessCoverageTest {

  private static final double MINIMUM = 0.90;
  private static final Path REPORTS = Path.of("target/process-test-coverage");
  private static final String ALL = "all";

  @Test
  void everyProcessIsCoveredByTheTestsForAtLeastNinetyPercentOfItsFlowNodes() throws IOException {
    List<Path> reports = reportsOfThisRun();
    assumeFalse(reports.isEmpty(), "runs after the process tests (mvn test), not alone");
    var combined = reports.stream().map(ProcessCoverageTest::read)
        .reduce(CoverageStateJsonExporter::combineCoverageStateResults).orElseThrow();
    CoverageStateResult result = CoverageStateJsonExporter.readCoverageStateResult(combined);
    String aggregate = CoverageStateJsonExporter.createCoverageStateResult(result.getSuites(), result.getModels());
    File allDirectory = REPORTS.resolve(ALL).toFile();
    CoverageReportUtil.writeReport(aggregate, false, allDirectory, "report.json", json -> json);
    CoverageReportUtil.writeReport(aggregate, true, allDirectory, "report.html", CoverageReportUtil::generateHtml);

    var summary = new StringBuilder(String.format("%-20s %10s %9s %6s  %s%n",
        "process", "flow nodes", "elements", "nodes", "flow nodes not passed"));
    var below = new TreeSet<String>();
    for (String key : modelKeys()) {
      Model model = result.getModels().stream().filter(m -> m.getKey().equals(key)).findFirst().orElse(null);
      if (model == null) {
        below.add(key + " (no test started it)");
        summary.append(String.format("%-20s %10s%n", key, "not run"));
        continue;
      }
      Set<String> nodes = flowNodes(model);
      Set<String> passed = result.getEvents(key).stream().filter(e -> e.getSource() == EventSource.FLOW_NODE)
          .map(Event::getDefinitionKey).collect(Collectors.toSet());
      var missing = new TreeSet<>(nodes);
      missing.removeAll(passed);
      double ratio = (double) (nodes.size() - missing.size()) / nodes.size();
      if (ratio < MINIMUM) {
        below.add(key);
      }
      // elements: the library's own figure (flow nodes and sequence flows), as its report shows it
      summary.append(String.format("%-20s %9.1f%% %8.1f%% %6d  %s%n", key, ratio * 100,
          result.calculateCoverage(model) * 100, nodes.size(), missing));
    }
    summary.append("Report: ").append(REPORTS.resolve(ALL).resolve("report.html")).append('\n');
    Files.writeString(REPORTS.resolve(ALL).resolve("summary.txt"), summary);
    System.out.println("Process coverage of the test run:\n" + summary);
    assertThat(below).as("processes under %.0f%% of their flow nodes:%n%s", MINIMUM * 100, summary).isEmpty();
  }

  /** The per-class reports written in this JVM: older ones are left from earlier runs of other tests. */
  private static List<Path> reportsOfThisRun() throws IOException {
    if (!Files.isDirectory(REPORTS)) {
      return List.of();
    }
    long started = ManagementFactory.getRuntimeMXBean().getStartTime();
    try (Stream<Path> files = Files.walk(REPORTS, 2)) {
      return files.filter(f -> f.getFileName().toString().equals("report.json"))
          .filter(f -> !f.getParent().getFileName().toString().equals(ALL))
          .filter(f -> f.toFile().lastModified() >= started)
          .sorted().toList();
    }
  }

  /** The process ids of the models: one process per file, named after it. */
  private static List<String> modelKeys() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".bpmn"))
          .map(name -> name.substring(0, name.length() - ".bpmn".length())).sorted().toList();
    }
  }

  private static Set<String> flowNodes(Model model) {
    var instance = Bpmn.readModelFromStream(new ByteArrayInputStream(model.getXml().getBytes(StandardCharsets.UTF_8)));
    return instance.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String read(Path report) {
    try {
      return Files.readString(report);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + report, e);
    }
  }
}
