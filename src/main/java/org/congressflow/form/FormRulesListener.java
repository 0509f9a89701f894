package org.congressflow.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.congressflow.document.DocumentRecord;
import org.congressflow.process.CongressParts;

/**
 * Every user task: on completion the submitted values must pass the rules of the task's deployed form
 * ({@code <kebab-case task id>}), whoever completes it (Tasklist, REST, Java); on creation the form's "fresh"
 * fields (a gate's decision and comment) are cleared, so a new round does not show the previous answer, and a
 * task with documents is given the latest version of each. The documents a valid completion carries go to the
 * document register.
 */
class FormRulesListener implements TaskListener {

  /**
   * Task-local: the latest submitted version of each of the task's documents, which its form shows under the file
   * input, so a redraft after a send-back can keep a file or replace it.
   */
  static final String SUBMITTED_DOCUMENTS = "submittedDocuments";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final long maxDocumentBytes;
  private final FeelEngine feel = new ScalaFeelEngineFactory().createInstance();
  private final DeployedForms forms;
  private final DocumentRecord documents;

  FormRulesListener(long maxDocumentBytes, DeployedForms forms, DocumentRecord documents) {
    this.maxDocumentBytes = maxDocumentBytes;
    this.forms = forms;
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
    var check = new FormCheck(key -> value(task, key), key -> documentSize(task, key),
        expression -> holds(expression, rules, task), maxDocumentBytes);
    var problems = new ArrayList<>(check.problems(rules));
    problems.addAll(DocumentTypes.problems(rules, task.getVariableNames(), task::getVariableTyped));
    if (!problems.isEmpty()) {
      throw new FormFieldValidationException(task.getTaskDefinitionKey(),
          "Biểu mẫu \"" + task.getName() + "\" chưa hợp lệ: " + String.join("; ", problems));
    }
    if (!rules.documents().isEmpty()) {
      var labels = new LinkedHashMap<String, String>();
      rules.documents().forEach(document -> labels.put(document.variable(), document.label()));
      documents.recordUploads(task, labels);
    }
  }

  /** Plain values as form-js sees them: JSON arrays (checklists) become lists of strings. */
  private static Object value(DelegateTask task, String key) {
    Object value = task.getVariable(key);
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
        || value instanceof Date) {
      return value;
    }
    String text = value.toString().trim();
    if (text.startsWith("[")) {
      try {
        var items = new ArrayList<String>();
        for (JsonNode item : JSON.readTree(text)) {
          items.add(item.isValueNode() ? item.asText() : item.toString());
        }
        return items;
      } catch (IOException e) {
        return text;
      }
    }
    return text;
  }

  private static Long documentSize(DelegateTask task, String key) {
    TypedValue value = task.getVariableTyped(key);
    if (value == null) {
      return null;
    }
    return value instanceof FileValue file ? sizeOf(file) : 0L;
  }

  private static long sizeOf(FileValue file) {
    try (InputStream content = file.getValue()) {
      return content == null ? 0 : content.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A {@code conditional.hide} FEEL expression over the form's own plain fields. */
  private boolean holds(String expression, FormRules rules, DelegateTask task) {
    var context = Variables.createVariables();
    for (var field : rules.fields()) {
      Object value = value(task, field.key());
      context.putValue(field.key(), value instanceof List<?> ? null : value);
    }
    try {
      return Boolean.TRUE.equals(feel.evaluateSimpleExpression(expression, context.asVariableContext()));
    } catch (RuntimeException e) {
      return false;
    }
  }
}
