package org.congressflow.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.congressflow.campaign.DueDates;
import org.congressflow.process.Refusal;

/**
 * Reads what a Camunda Form submits (strings, numbers, booleans, dates as ISO strings, lists as JSON) into typed
 * values; a value that cannot be read becomes a Vietnamese message naming the field.
 */
public final class FormValues {

  public static final ObjectMapper JSON = new ObjectMapper();

  private FormValues() {}

  public static String text(Object value) {
    if (value == null) {
      return "";
    }
    return (value instanceof JsonNode node ? node.asText() : value.toString()).trim();
  }

  /** A whole number, or null when empty; throws when it is not a number. */
  public static Long number(Object value, String label) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof JsonNode node && node.isNumber()) {
      return node.asLong();
    }
    String text = text(value).replace(" ", "");
    if (text.isEmpty() || "null".equals(text)) {
      return null;
    }
    if (text.matches("\\d{1,3}([.,]\\d{3})+")) {
      text = text.replace(".", "").replace(",", ""); // 1.500.000.000 đồng
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(label + ": '" + text(value) + "' không phải là số");
    }
  }

  /** A date (a Date, or an ISO string as form-js submits), or null when empty; throws when it is no date. */
  public static LocalDate date(Object value, String label) {
    if (value instanceof Date date) {
      return DueDates.today(date);
    }
    String text = text(value);
    if (text.isEmpty() || "null".equals(text)) {
      return null;
    }
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(label + ": '" + text + "' không phải là ngày (yyyy-mm-dd)");
    }
  }

  public static boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof JsonNode node) {
      return node.asBoolean();
    }
    return "true".equalsIgnoreCase(text(value));
  }

  /** A list submitted by a form's dynamic list: a JSON variable, a JSON string, or nothing (an empty list). */
  public static ArrayNode array(Object value, String label) {
    if (value instanceof TypedValue typed) {
      value = typed instanceof JsonValue json ? json.getValueSerialized() : typed.getValue();
    }
    if (value instanceof org.camunda.spin.json.SpinJsonNode spin) {
      value = spin.toString();
    }
    if (value == null) {
      return JSON.createArrayNode();
    }
    try {
      JsonNode node = value instanceof String text ? JSON.readTree(text.isBlank() ? "[]" : text) : JSON.valueToTree(value);
      if (node == null || node.isNull()) {
        return JSON.createArrayNode();
      }
      if (!node.isArray()) {
        throw new Refusal(label + " phải là một danh sách");
      }
      return (ArrayNode) node;
    } catch (IOException | IllegalArgumentException e) {
      throw new Refusal(label + " không đọc được: " + e.getMessage());
    }
  }

  /** A JSON process variable (never Java-serialized). */
  public static JsonValue json(JsonNode node) {
    return SpinValues.jsonValue(node.toString()).create();
  }
}
