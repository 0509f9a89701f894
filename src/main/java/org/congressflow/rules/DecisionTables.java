package org.congressflow.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Evaluates the rule tables of processes/decisions/*.dmn. Each table lists violations (hit policy COLLECT, output
 * {@code violation}); an empty list means the rule holds. The rule is the table's, never this class's.
 */
@Component
public class DecisionTables {

  public static final String VIOLATION = "violation";

  private final DecisionService decisionService;

  DecisionTables(DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  /** Every violation message of the latest version of the table, in rule order. */
  public List<String> violations(String decisionKey, Map<String, Object> variables) {
    return evaluate(decisionKey, variables).<String>collectEntries(VIOLATION).stream().filter(Objects::nonNull).toList();
  }

  /** Every matching row's outputs (a violation with more to say, e.g. whether an exception is allowed), in rule order. */
  public List<Map<String, Object>> matches(String decisionKey, Map<String, Object> variables) {
    return evaluate(decisionKey, variables).getResultList();
  }

  private DmnDecisionTableResult evaluate(String decisionKey, Map<String, Object> variables) {
    Callable<DmnDecisionTableResult> evaluation =
        () -> decisionService.evaluateDecisionTableByKey(decisionKey, variables);
    // a rule check belongs to the process step, not to the user completing it: the user needs no right to the table
    var commandContext = Context.getCommandContext();
    DmnDecisionTableResult result;
    try {
      result = commandContext == null ? evaluation.call() : commandContext.runWithoutAuthorization(evaluation);
    } catch (ProcessEngineException e) {
      throw e;
    } catch (Exception e) {
      throw new ProcessEngineException("Decision " + decisionKey + " cannot be evaluated", e);
    }
    return result;
  }
}
