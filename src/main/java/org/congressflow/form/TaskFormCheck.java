package org.congressflow.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.congressflow.process.Refusal;

/**
 * The rules of a task's form over the values its completion leaves (the {@link FormCheck} of fields and
 * documents, and the {@link DocumentTypes} of the files), refused with one Vietnamese message that names the form
 * and every problem: a {@link Refusal}, which the caller gets as a form validation error (400 over REST).
 */
final class TaskFormCheck {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final long maxDocumentBytes;
  private final FeelEngine feel = new ScalaFeelEngineFactory().createInstance();

  TaskFormCheck(long maxDocumentBytes) {
    this.maxDocumentBytes = maxDocumentBytes;
  }

  /**
   * @param variables the typed value of a variable as the completion leaves it, null when there is none
   * @param names the names of the variables the completion leaves
   */
  void verify(String taskName, FormRules rules, Function<String, TypedValue> variables, Collection<String> names) {
    var check = new FormCheck(key -> value(variables.apply(key)), key -> documentSize(variables.apply(key)),
        expression -> holds(expression, rules, variables), maxDocumentBytes);
    var problems = new ArrayList<>(check.problems(rules));
    problems.addAll(DocumentTypes.problems(rules, names, variables));
    if (!problems.isEmpty()) {
      throw new Refusal("Biểu mẫu \"" + taskName + "\" chưa hợp lệ: " + String.join("; ", problems));
    }
  }

  /** Plain values as form-js sees them: JSON arrays (checklists) become lists of strings. */
  private static Object value(TypedValue typed) {
    Object value = typed == null ? null : typed.getValue();
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

  private static Long documentSize(TypedValue value) {
    if (value == null || value.getValue() == null) {
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
  private boolean holds(String expression, FormRules rules, Function<String, TypedValue> variables) {
    var context = Variables.createVariables();
    for (var field : rules.fields()) {
      Object value = value(variables.apply(field.key()));
      context.putValue(field.key(), value instanceof List<?> ? null : value);
    }
    try {
      return Boolean.TRUE.equals(feel.evaluateSimpleExpression(expression, context.asVariableContext()));
    } catch (RuntimeException e) {
      return false;
    }
  }
}
