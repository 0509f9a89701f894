package org.congressflow.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of one Camunda form, read from its own JSON: what the browser checks (required, min, max, length,
 * pattern, allowed values, hidden when) and the documents to upload (text components with the custom
 * properties {@code fileVariable}, {@code fileRequired}, {@code fileLabel}).
 */
record FormRules(String formId, List<Field> fields, List<Document> documents, List<String> lists) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A keyed component: {@code type} is the form-js type (textfield, number, datetime, radio ...). */
  record Field(String key, String label, String type, boolean required, Double min, Double max, Integer minLength,
      Integer maxLength, String pattern, boolean email, boolean integer, Map<String, String> choices,
      String hideWhen, boolean fresh, boolean readonly) {

    /** The values a choice (radio, select, checklist) may take. */
    Set<String> allowed() {
      return choices.keySet();
    }

    /** The choices as the form shows them: "Chấp thuận", "Trả lại". */
    String choiceLabels() {
      return choices.values().stream().map(label -> "\"" + label + "\"").collect(Collectors.joining(", "));
    }
  }

  /** A file the form takes: a document (PDF, Word, ODT), or a list (spreadsheet or CSV) when its kind says "list". */
  record Document(String variable, String label, boolean required, boolean list) {}

  static FormRules parse(byte[] json) {
    try {
      JsonNode schema = JSON.readTree(json);
      var fields = new ArrayList<Field>();
      var documents = new ArrayList<Document>();
      var lists = new ArrayList<String>();
      collect(schema.path("components"), fields, documents, lists);
      return new FormRules(schema.path("id").asText(), List.copyOf(fields), List.copyOf(documents), List.copyOf(lists));
    } catch (IOException e) {
      throw new IllegalStateException("Form is not JSON", e);
    }
  }

  List<String> freshKeys() {
    return fields.stream().filter(Field::fresh).map(Field::key).toList();
  }

  /** The variables a completion of the task may carry: its fields, its lists and its documents. */
  Set<String> submittable() {
    var keys = new LinkedHashSet<String>();
    fields.forEach(field -> keys.add(field.key()));
    keys.addAll(lists);
    documents.forEach(document -> keys.add(document.variable()));
    return keys;
  }

  /** The field of a key, if the form has one. */
  Optional<Field> field(String key) {
    return fields.stream().filter(field -> field.key().equals(key)).findFirst();
  }

  private static void collect(JsonNode components, List<Field> fields, List<Document> documents,
      List<String> lists) {
    for (JsonNode c : components) {
      JsonNode properties = c.path("properties");
      if (properties.has("fileVariable")) {
        documents.add(new Document(properties.get("fileVariable").asText(), properties.path("fileLabel").asText(),
            "true".equals(properties.path("fileRequired").asText()), "list".equals(properties.path("fileKind").asText())));
      }
      if (c.has("key")) {
        fields.add(field(c));
      }
      // the fields of a dynamic list are per row: the list's own check (a task listener) validates them
      if ("dynamiclist".equals(c.path("type").asText())) {
        lists.add(c.path("path").asText());
      } else if (c.has("components")) {
        collect(c.get("components"), fields, documents, lists);
      }
    }
  }

  private static Field field(JsonNode c) {
    JsonNode validate = c.path("validate");
    var choices = new LinkedHashMap<String, String>();
    c.path("values").forEach(value -> choices.put(value.path("value").asText(),
        value.path("label").asText(value.path("value").asText())));
    String label = c.hasNonNull("label") ? c.get("label").asText() : c.path("dateLabel").asText(c.get("key").asText());
    return new Field(c.get("key").asText(), label, c.path("type").asText(),
        validate.path("required").asBoolean(false),
        validate.has("min") ? validate.get("min").asDouble() : null,
        validate.has("max") ? validate.get("max").asDouble() : null,
        validate.has("minLength") ? validate.get("minLength").asInt() : null,
        validate.has("maxLength") ? validate.get("maxLength").asInt() : null,
        validate.hasNonNull("pattern") ? validate.get("pattern").asText() : null,
        "email".equals(validate.path("validationType").asText()),
        c.path("decimalDigits").asInt(-1) == 0,
        Collections.unmodifiableMap(choices),
        c.path("conditional").hasNonNull("hide") ? c.path("conditional").get("hide").asText() : null,
        "true".equals(c.path("properties").path("fresh").asText()),
        c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false));
  }
}
