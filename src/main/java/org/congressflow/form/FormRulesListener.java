package org.congressflow.form;

import java.util.LinkedHashMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.spin.plugin.variable.SpinValues;
import org.congressflow.document.DocumentRecord;
import org.congressflow.process.CongressParts;

/**
 * Every user task: on completion the values must pass the rules of the task's deployed form
 * ({@code <kebab-case task id>}), whoever completes it, before the model's own listeners run; on creation the
 * form's "fresh" fields (a gate's decision and comment) are cleared, so a new round does not show the previous answer, and a task with documents is given the
 * latest version of each. The documents a valid completion carries go to the document register.
 */
class FormRulesListener implements TaskListener {

  /**
   * Task-local: the latest submitted version of each of the task's documents, which its form shows under the file
   * input, so a redraft after a send-back can keep a file or replace it.
   */
  static final String SUBMITTED_DOCUMENTS = "submittedDocuments";

  private final DeployedForms forms;
  private final TaskFormCheck check;
  private final DocumentRecord documents;

  FormRulesListener(DeployedForms forms, TaskFormCheck check, DocumentRecord documents) {
    this.forms = forms;
    this.check = check;
    this.documents = documents;
  }

  @Override
  public void notify(DelegateTask task) {
    FormRules rules = forms.rulesOf(Context.getCommandContext(), task.getTaskDefinitionKey());
    if (rules == null) {
      return;
    }
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      rules.freshKeys().forEach(task.getExecution()::removeVariable);
      if (!rules.documents().isEmpty()) {
        String congress = CongressParts.congressOf(task.getExecution()).getProcessInstanceId();
        var variables = rules.documents().stream().map(FormRules.Document::variable).toList();
        task.setVariableLocal(SUBMITTED_DOCUMENTS, SpinValues.jsonValue(documents.latestJson(congress, variables))
            .create());
      }
      return;
    }
    check.verify(task.getName(), rules, task::getVariableTyped, task.getVariableNames());
    if (!rules.documents().isEmpty()) {
      var labels = new LinkedHashMap<String, String>();
      rules.documents().forEach(document -> labels.put(document.variable(), document.label()));
      documents.recordUploads(task, labels);
    }
  }
}
