package org.congressflow.form;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * The rules of a task's form, read from the latest deployed Camunda form whose id is the task id in kebab-case
 * ({@code DecideGate} has {@code decide-gate}); parsed once per deployed version.
 */
final class DeployedForms {

  private final Map<String, FormRules> rulesByFormDefinition = new ConcurrentHashMap<>();

  static String formIdOf(String taskDefinitionKey) {
    return taskDefinitionKey.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
  }

  /** The rules of the task's form, or null when no form of that id is deployed. */
  FormRules rulesOf(CommandContext commandContext, String taskDefinitionKey) {
    var definition = commandContext.getCamundaFormDefinitionManager()
        .findLatestDefinitionByKey(formIdOf(taskDefinitionKey));
    if (definition == null) {
      return null;
    }
    return rulesByFormDefinition.computeIfAbsent(definition.getId(), id -> FormRules.parse(commandContext
        .getResourceManager().findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(),
            definition.getResourceName()).getBytes()));
  }
}
