package org.congressflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.congressflow.support.CongressFlowTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Process coverage of the whole test suite: the flow nodes of every deployed BPMN that the tests have passed
 * through, read from the engine's history. Runs last; reported in target/process-coverage.txt.
 */
@CongressFlowTest
@Order(Integer.MAX_VALUE)
class ProcessCoverageTest {

  private static final double MINIMUM = 0.90;

  @Autowired ProcessEngine engine;

  @Test
  void everyProcessIsCoveredByTheTestsForAtLeastNinetyPercentOfItsFlowNodes() throws Exception {
    assumeTrue(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("congress-campaign")
        .finished().count() > 0, "runs after the whole suite (mvn test), not alone");
    var report = new StringBuilder(String.format("%-22s %8s %8s  %s%n", "process", "covered", "nodes", "not covered"));
    var definitions = engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list();
    assertThat(definitions).extracting(d -> d.getKey())
        .contains("congress-campaign", "cell-congress", "base-congress", "district-congress");
    boolean allCovered = true;
    for (var definition : definitions) {
      Set<String> nodes = engine.getRepositoryService().getBpmnModelInstance(definition.getId())
          .getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).collect(Collectors.toCollection(TreeSet::new));
      Set<String> passed = engine.getHistoryService().createHistoricActivityInstanceQuery()
          .processDefinitionId(definition.getId()).list().stream().map(HistoricActivityInstance::getActivityId)
          .collect(Collectors.toSet());
      var missing = new TreeSet<>(nodes);
      missing.removeAll(passed);
      double ratio = (double) (nodes.size() - missing.size()) / nodes.size();
      allCovered &= ratio >= MINIMUM;
      report.append(String.format("%-22s %7.1f%% %8d  %s%n", definition.getKey(), ratio * 100, nodes.size(), missing));
    }
    System.out.println("Process coverage (flow nodes passed by the tests):\n" + report);
    Files.writeString(Path.of("target/process-coverage.txt"), report);
    assertThat(allCovered).as("every process at least %.0f%% covered:%n%s", MINIMUM * 100, report).isTrue();
  }
}
