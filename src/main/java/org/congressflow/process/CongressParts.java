package org.congressflow.process;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The behaviours every congress shares are defined once, as processes of their own that each congress calls:
 * the approval gate ({@value #GATE}), the deadline watch ({@value #WATCH}) and the five-step introduction of
 * nominees ({@value #INTRODUCTION}). A part runs as a child instance
 * of its congress; what it decides and shows belongs to the congress, and the step a gate decides is the id of
 * the call activity that called it ({@code ApproveDocuments}, {@code ApprovePersonnelPlan}, {@code RatifyResults}).
 * Both are read from the process structure, never from a variable a user could send.
 */
public final class CongressParts {

  public static final String GATE = "approval-gate";
  public static final String WATCH = "deadline-watch";
  public static final String INTRODUCTION = "nominee-introduction";
  public static final Set<String> KEYS = Set.of(GATE, WATCH, INTRODUCTION);

  private CongressParts() {}

  /** Whether a process definition key is one of the shared parts. */
  public static boolean isPart(String processDefinitionKey) {
    return processDefinitionKey != null && KEYS.contains(processDefinitionKey);
  }

  /** The congress an execution works for: its own process instance, or the congress that called its part. */
  public static DelegateExecution congressOf(DelegateExecution execution) {
    DelegateExecution instance = execution.getProcessInstance();
    DelegateExecution caller = instance.getSuperExecution();
    return caller != null && isPart(keyOf(instance.getProcessDefinitionId())) ? caller.getProcessInstance() : instance;
  }

  /**
   * The step of the congress an execution is at: for a part, the call activity of the congress that called it;
   * otherwise the execution's own activity.
   */
  public static String stepOf(DelegateExecution execution) {
    DelegateExecution instance = execution.getProcessInstance();
    DelegateExecution caller = instance.getSuperExecution();
    return caller != null && isPart(keyOf(instance.getProcessDefinitionId()))
        ? caller.getCurrentActivityId() : execution.getCurrentActivityId();
  }

  /** The step a task decides: a gate's task decides the step that called the gate; any other task its own. */
  public static String stepOf(DelegateTask task) {
    return GATE.equals(keyOf(task.getProcessDefinitionId())) ? stepOf(task.getExecution()) : task.getTaskDefinitionKey();
  }

  /** The name of the congress's step a part was called for, as the congress model names it. */
  public static String stepNameOf(DelegateExecution execution) {
    DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
    return caller == null ? null : caller.getBpmnModelElementInstance().getName();
  }

  /** {@code "cell-congress:3:42"} -> {@code "cell-congress"}. */
  public static String keyOf(String processDefinitionId) {
    int colon = processDefinitionId.indexOf(':');
    return colon < 0 ? processDefinitionId : processDefinitionId.substring(0, colon);
  }
}
