package org.congressflow.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of one Camunda form, read from its own JSON: what the browser checks (required, min, max, length,
 * pattern, allowed values, hidden when) and the documents to upload (text components with the custom
 * properties {@code fileVariable}, {@code fileRequired}, {@code fileLabel}).
 */
record FormRules(String formId, List<Field> fields, List<Document> documents) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A keyed component: {@code type} is the form-js type (textfield, number, datetime, radio ...). */
  record Field(String key, String label, String type, boolean required, Double min, Double max, Integer minLength,
      Integer maxLength, String pattern, boolean email, boolean integer, List<String> allowed, String hideWhen,
      boolean fresh) {}

  record Document(String variable, String label, boolean required) {}

  static FormRules parse(byte[] json) {
    try {
      JsonNode schema = JSON.readTree(json);
      var fields = new ArrayList<Field>();
      var documents = new ArrayList<Document>();
      collect(schema.path("components"), fields, documents);
      return new FormRules(schema.path("id").asText(), List.copyOf(fields), List.copyOf(documents));
    } catch (IOException e) {
      throw new IllegalStateException("Form is not JSON", e);
    }
  }

  List<String> freshKeys() {
    return fields.stream().filter(Field::fresh).map(Field::key).toList();
  }

  private static void collect(JsonNode components, List<Field> fields, List<Document> documents) {
    for (JsonNode c : components) {
      JsonNode properties = c.path("properties");
      if (properties.has("fileVariable")) {
        documents.add(new Document(properties.get("fileVariable").asText(), properties.path("fileLabel").asText(),
            "true".equals(properties.path("fileRequired").asText())));
      }
      if (c.has("key")) {
        fields.add(field(c));
      }
      // the fields of a dynamic list are per row: the list's own check (a task listener) validates them
      if (c.has("components") && !"dynamiclist".equals(c.path("type").asText())) {
        collect(c.get("components"), fields, documents);
      }
    }
  }

  private static Field field(JsonNode c) {
    JsonNode validate = c.path("validate");
    var allowed = new ArrayList<String>();
    c.path("values").forEach(value -> allowed.add(value.path("value").asText()));
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
        List.copyOf(allowed),
        c.path("conditional").hasNonNull("hide") ? c.path("conditional").get("hide").asText() : null,
        "true".equals(c.path("properties").path("fresh").asText()));
  }
}
