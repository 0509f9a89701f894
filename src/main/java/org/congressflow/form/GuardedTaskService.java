package org.congressflow.form;

import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's task service, with completions checked by the {@link CompletionGuard} and a step's refusal
 * handed on unwrapped. Throwing a BPMN error or an escalation from a user task is refused: no model catches one,
 * and it would let a worker end or divert a congress past its gates.
 */
final class GuardedTaskService extends TaskServiceImpl {

  private final CompletionGuard guard;

  GuardedTaskService(CompletionGuard guard) {
    this.guard = guard;
  }

  @Override
  public void complete(String taskId, Map<String, Object> variables) {
    var admitted = guard.admit(commandExecutor, taskId, variables);
    CompletionGuard.completing(() -> super.complete(taskId, admitted));
  }

  @Override
  public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables,
      boolean deserializeValues) {
    var admitted = guard.admit(commandExecutor, taskId, variables);
    return CompletionGuard.completingWith(() -> super.completeWithVariablesInReturn(taskId, admitted,
        deserializeValues));
  }

  @Override
  public void resolveTask(String taskId, Map<String, Object> variables) {
    var admitted = guard.admit(commandExecutor, taskId, variables);
    CompletionGuard.completing(() -> super.resolveTask(taskId, admitted));
  }

  @Override
  public void handleBpmnError(String taskId, String errorCode) {
    throw notSupported();
  }

  @Override
  public void handleBpmnError(String taskId, String errorCode, String errorMessage) {
    throw notSupported();
  }

  @Override
  public void handleBpmnError(String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
    throw notSupported();
  }

  @Override
  public void handleEscalation(String taskId, String escalationCode) {
    throw notSupported();
  }

  @Override
  public void handleEscalation(String taskId, String escalationCode, Map<String, Object> variables) {
    throw notSupported();
  }

  private static BadUserRequestException notSupported() {
    return new BadUserRequestException("Công việc chỉ kết thúc bằng cách hoàn thành biểu mẫu của nó");
  }
}
