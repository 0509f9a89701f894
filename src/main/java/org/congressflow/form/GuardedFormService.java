package org.congressflow.form;

import java.util.Map;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's form service, with task form submissions checked by the {@link CompletionGuard} and a step's
 * refusal handed on unwrapped.
 */
final class GuardedFormService extends FormServiceImpl {

  private final CompletionGuard guard;

  GuardedFormService(CompletionGuard guard) {
    this.guard = guard;
  }

  @Override
  public void submitTaskForm(String taskId, Map<String, Object> properties) {
    var admitted = guard.admit(commandExecutor, taskId, properties);
    CompletionGuard.completing(() -> super.submitTaskForm(taskId, admitted));
  }

  @Override
  public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
      boolean deserializeValues) {
    var admitted = guard.admit(commandExecutor, taskId, properties);
    return CompletionGuard.completingWith(
        () -> super.submitTaskFormWithVariablesInReturn(taskId, admitted, deserializeValues));
  }

  @Override
  @SuppressWarnings("deprecation")
  public void submitTaskFormData(String taskId, Map<String, String> properties) {
    guard.check(commandExecutor, taskId, properties);
    CompletionGuard.completing(() -> super.submitTaskFormData(taskId, properties));
  }
}
