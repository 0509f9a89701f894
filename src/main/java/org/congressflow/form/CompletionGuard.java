package org.congressflow.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.congressflow.process.Refusal;

/**
 * A task is completed only with the fields its form declares: anything else (a candidate group, the pilot flag,
 * a deadline, another gate's decision) is refused before the task changes, whoever sends it (Tasklist, the engine
 * REST API, Java). A read-only field may be sent back only unchanged; a file input left empty keeps the file.
 */
final class CompletionGuard {

  private final DeployedForms forms;

  CompletionGuard(DeployedForms forms) {
    this.forms = forms;
  }

  /**
   * The variables a completion may go on with: without the file inputs left empty, so that a redraft keeps the
   * file submitted before (an embedded form sends an empty file for an input nobody touched), and checked.
   */
  Map<String, Object> admit(CommandExecutor executor, String taskId, Map<String, Object> variables) {
    var admitted = variables;
    if (variables != null && variables.keySet().stream().anyMatch(key -> emptyFile(typed(variables, key)))) {
      admitted = new LinkedHashMap<>();
      for (String key : variables.keySet()) {
        if (!emptyFile(typed(variables, key))) {
          admitted.put(key, typed(variables, key));
        }
      }
    }
    check(executor, taskId, admitted);
    return admitted;
  }

  /**
   * Runs a completion: a {@link Refusal} a step threw reaches the caller as a form validation error with its
   * message, not wrapped as an engine error.
   */
  static void completing(Runnable completion) {
    completingWith(() -> {
      completion.run();
      return null;
    });
  }

  /** {@link #completing(Runnable)}, for a completion that returns its variables. */
  static <T> T completingWith(Supplier<T> completion) {
    try {
      return completion.get();
    } catch (ProcessEngineException e) {
      throw Refusal.causing(e).<RuntimeException>map(CompletionGuard::asValidationError).orElse(e);
    }
  }

  private static FormFieldValidationException asValidationError(Refusal refusal) {
    var error = new FormFieldValidationException(null, refusal.getMessage());
    error.initCause(refusal);
    return error;
  }

  void check(CommandExecutor executor, String taskId, Map<String, ?> variables) {
    if (variables == null || variables.isEmpty()) {
      return;
    }
    executor.execute(commandContext -> {
      check(commandContext, taskId, variables);
      return null;
    });
  }

  private void check(CommandContext commandContext, String taskId, Map<String, ?> variables) {
    TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
    if (task == null) {
      return; // the completion itself says that the task does not exist
    }
    // the completion's own authorization check first: a caller who may not work on the task learns nothing
    commandContext.getProcessEngineConfiguration().getCommandCheckers().forEach(checker -> checker.checkTaskWork(task));
    FormRules rules = forms.rulesOf(commandContext, task.getTaskDefinitionKey());
    var refused = new TreeSet<String>();
    var changed = new TreeSet<String>();
    for (var entry : variables.entrySet()) {
      String key = entry.getKey();
      if (rules == null || !rules.submittable().contains(key)) {
        refused.add(key);
      } else if (rules.field(key).filter(FormRules.Field::readonly).isPresent()
          && !sameValue(entry.getValue(), task.getVariable(key))) {
        changed.add(key);
      }
    }
    if (!refused.isEmpty()) {
      throw new FormFieldValidationException(String.join(", ", refused), "Biểu mẫu \"" + task.getName()
          + "\" không có trường " + String.join(", ", refused) + ": chỉ gửi được các trường của biểu mẫu");
    }
    if (!changed.isEmpty()) {
      throw new FormFieldValidationException(String.join(", ", changed), "Trường " + String.join(", ", changed)
          + " của biểu mẫu \"" + task.getName() + "\" chỉ để xem, không sửa được");
    }
  }

  /** A variable map (from REST) gives plain values, a file as its stream: its typed value says it is a file. */
  private static Object typed(Map<String, Object> variables, String key) {
    return variables instanceof VariableMap map ? map.getValueTyped(key) : variables.get(key);
  }

  private static boolean emptyFile(Object value) {
    if (!(value instanceof FileValue file) || (file.getFilename() != null && !file.getFilename().isBlank())) {
      return false;
    }
    try (InputStream content = file.getValue()) {
      return content == null || content.read() < 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean sameValue(Object submitted, Object current) {
    Object value = submitted instanceof TypedValue typed ? typed.getValue() : submitted;
    return Objects.equals(value == null ? null : value.toString(), current == null ? null : current.toString());
  }
}
