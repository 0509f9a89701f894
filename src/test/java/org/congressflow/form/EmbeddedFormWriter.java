package org.congressflow.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.util.unit.DataSize;

/**
 * Writes the embedded HTML form of every user task whose model names one
 * ({@code camunda:formKey="embedded:/forms/<id>.html"}) from its Camunda form {@code processes/forms/<id>.form}:
 * Tasklist's form-js 1.8.7 has no file picker, so these tasks show HTML, while the .form stays the one source of
 * their fields and rules (read with {@link FormRules}, as the server does when it checks a completion).
 * A build tool, so it lives under src/test and stays out of the jar; {@code EmbeddedFormsTest} fails when a
 * committed HTML file differs from what it writes. Run from the repository root: {@value #COMMAND}.
 */
public final class EmbeddedFormWriter {

  static final String COMMAND = "mvn -q test-compile exec:java@embedded-forms";
  static final Path PROCESSES = Path.of("processes");
  static final Path FORMS = PROCESSES.resolve("forms");
  static final Path HTML = Path.of("src/main/resources/static/forms");

  private static final Pattern EMBEDDED = Pattern.compile("camunda:formKey=\"embedded:/forms/([a-z0-9-]+)\\.html\"");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z]\\w*)\\s*}}");
  private static final String ACCEPT = ".pdf,.doc,.docx,.odt";
  /** Labels of the process variables a form's header text shows ({{congressName}}): shown read-only. */
  private static final Map<String, String> HEADER_LABELS = Map.of("congressName", "Đại hội", "organisationName", "Đơn vị");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final long maxFileSize;

  EmbeddedFormWriter(long maxFileSize) {
    this.maxFileSize = maxFileSize;
  }

  public static void main(String[] args) throws IOException {
    var writer = new EmbeddedFormWriter(configuredMaxFileSize());
    for (String formId : embeddedFormIds()) {
      Path target = HTML.resolve(formId + ".html");
      Files.writeString(target, writer.write(formId, Files.readAllBytes(FORMS.resolve(formId + ".form"))));
      System.out.println("wrote " + target);
    }
  }

  /** The form ids of the embedded forms named by the models in processes/. */
  static List<String> embeddedFormIds() throws IOException {
    var ids = new TreeSet<String>();
    try (var files = Files.list(PROCESSES)) {
      for (Path bpmn : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        EMBEDDED.matcher(Files.readString(bpmn)).results().forEach(m -> ids.add(m.group(1)));
      }
    }
    return List.copyOf(ids);
  }

  /** {@code congressflow.forms.max-file-size} of config/application.yaml, as the server checks it. */
  static long configuredMaxFileSize() throws IOException {
    JsonNode config = new YAMLMapper().readTree(Path.of("config/application.yaml").toFile());
    return DataSize.parse(config.path("congressflow").path("forms").path("max-file-size").asText("10MB")).toBytes();
  }

  /** The HTML of one form. */
  String write(String formId, byte[] formJson) throws IOException {
    JsonNode schema = JSON.readTree(formJson);
    if (!formId.equals(schema.path("id").asText())) {
      throw new IllegalArgumentException(formId + ".form has the id '" + schema.path("id").asText() + "'");
    }
    var rules = FormRules.parse(formJson);
    var html = new StringBuilder();
    html.append("<!-- Generated from processes/forms/").append(formId).append(".form by ")
        .append(EmbeddedFormWriter.class.getName()).append(" (src/test/java): change the .form, then run ")
        .append(COMMAND).append(". The server checks the same rules. -->\n");
    html.append("<form role=\"form\" name=\"").append(camelCase(formId)).append("\" class=\"congressflow-form\">\n");
    if (!rules.documents().isEmpty()) {
      submittedDocuments(html);
    }
    components(formId, schema.path("components"), rules, html);
    html.append("</form>\n");
    return html.toString();
  }

  private void components(String formId, JsonNode components, FormRules rules, StringBuilder html) {
    String heading = null;
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      JsonNode properties = c.path("properties");
      if (properties.has("fileVariable")) {
        document(rules.documents().stream()
            .filter(d -> d.variable().equals(properties.get("fileVariable").asText())).findFirst().orElseThrow(), html);
      } else if ("text".equals(type)) {
        String text = c.path("text").asText();
        var variables = TEMPLATE.matcher(text).results().map(m -> m.group(1)).toList();
        variables.forEach(variable -> readonly(formId, variable, html));
        // a heading above a table says which rows it shows: the HTML puts it into the table's label
        heading = variables.isEmpty() && text.startsWith("#") ? text.replaceFirst("^#+\\s*", "") : null;
        continue;
      } else if ("table".equals(type)) {
        table(c, heading, html);
      } else if ("dynamiclist".equals(type)) {
        throw new IllegalArgumentException(formId + ".form: a dynamic list has no embedded HTML form here");
      } else if (c.has("key")) {
        field(formId, c, rules.field(c.get("key").asText()).orElseThrow(), html);
      } else if (c.has("components")) {
        components(formId, c.get("components"), rules, html);
      }
      heading = null;
    }
  }

  private static void readonly(String formId, String variable, StringBuilder html) {
    String label = HEADER_LABELS.get(variable);
    if (label == null) {
      throw new IllegalArgumentException(formId + ".form shows {{" + variable + "}}: add its label to HEADER_LABELS");
    }
    html.append("  <div class=\"form-group\"><label for=\"").append(variable).append("\">").append(escape(label))
        .append("</label>\n    <input type=\"text\" id=\"").append(variable).append("\" class=\"form-control\"")
        .append(variableAttributes(variable, "String")).append(" readonly></div>\n");
  }

  private void document(FormRules.Document document, StringBuilder html) {
    String v = document.variable();
    html.append("  <div class=\"form-group\"><label for=\"").append(v).append("\">").append(escape(document.label()))
        .append(document.required() ? " (bắt buộc" : " (không bắt buộc").append(", tối đa ")
        .append(DataSize.ofBytes(maxFileSize).toMegabytes()).append(" MB)</label><input type=\"file\" id=\"").append(v)
        .append("\" class=\"form-control\"").append(variableAttributes(v, "File"))
        .append(" cam-max-filesize=\"").append(maxFileSize).append("\" accept=\"").append(ACCEPT).append("\">")
        .append("""
            <p class="help-block" id="%1$s-submitted" ng-if="submittedDocuments.%1$s">Đã nộp lần \
            {{submittedDocuments.%1$s.version}}: <a ng-href="{{submittedDocuments.%1$s.url}}">\
            {{submittedDocuments.%1$s.fileName}}</a> ({{submittedDocuments.%1$s.size}}, \
            {{submittedDocuments.%1$s.by}}, {{submittedDocuments.%1$s.at}}). \
            Để trống để giữ tệp này; chọn tệp mới để thay.</p></div>
            """.formatted(v));
  }

  /**
   * The latest version of each document ({@code submittedDocuments}, task-local, set when the task is created),
   * for the line under each file input: after a send-back the organisation sees what it submitted, and keeps it by
   * leaving the input empty.
   */
  private static void submittedDocuments(StringBuilder html) {
    shown("submittedDocuments", "{}", html);
  }

  /**
   * A JSON variable the form only shows: fetched into {@code $scope}, then dropped from the form's variables, or
   * Tasklist would send it back with the completion (which accepts only the form's fields).
   */
  private static void shown(String variable, String empty, StringBuilder html) {
    html.append("""
          <script cam-script type="text/form-script">
            camForm.on('form-loaded', function () {
              camForm.variableManager.fetchVariable('%1$s');
            });
            camForm.on('variables-fetched', function () {
              var shown = camForm.variableManager.variable('%1$s');
              var value = shown && shown.value;
              $scope.%1$s = typeof value === 'string' ? JSON.parse(value) : (value || %2$s);
              if (shown) {
                camForm.variableManager.destroyVariable('%1$s');
              }
            });
          </script>
        """.formatted(variable, empty));
  }

  /** A table over a JSON list variable ({@code dataSource: "=gateHistory"}), fetched by the form's script. */
  private static void table(JsonNode c, String heading, StringBuilder html) {
    String list = c.path("dataSource").asText().replaceFirst("^=", "");
    String label = c.path("label").asText() + (heading == null ? "" : " " + lowerFirst(heading));
    shown(list, "[]", html);
    html.append("  <div class=\"form-group\"><label>").append(escape(label)).append("</label><table class=\"table table-condensed\" id=\"")
        .append(kebabCase(list)).append("\"><thead><tr>");
    c.path("columns").forEach(column -> html.append("<th>").append(escape(column.path("label").asText())).append("</th>"));
    html.append("</tr></thead><tbody><tr ng-repeat=\"h in ").append(list).append("\">");
    c.path("columns").forEach(column -> html.append("<td>{{h.").append(column.path("key").asText()).append("}}</td>"));
    html.append("</tr><tr ng-if=\"!").append(list).append(".length\"><td colspan=\"").append(c.path("columns").size())
        .append("\">Chưa có vòng nào.</td></tr></tbody></table></div>\n");
  }

  private static void field(String formId, JsonNode c, FormRules.Field field, StringBuilder html) {
    String key = field.key();
    String label = escape(field.label());
    String help = c.hasNonNull("description")
        ? "<p class=\"help-block\">" + escape(c.get("description").asText()) + "</p>" : "";
    String required = field.required() ? " required" : "";
    switch (field.type()) {
      case "checkbox" -> {
        html.append("  <div class=\"checkbox\"><label><input type=\"checkbox\" id=\"").append(key).append("\"")
            .append(variableAttributes(key, "Boolean")).append(required).append("> ").append(label).append("</label>")
            .append(help).append("</div>\n");
        return;
      }
      case "textarea" -> {
        html.append(group(key, label)).append("<textarea id=\"").append(key).append("\" class=\"form-control\" rows=\"4\"")
            .append(variableAttributes(key, "String")).append(lengths(field)).append(required).append("></textarea>")
            .append(help).append("</div>\n");
        return;
      }
      case "select", "radio" -> {
        html.append(group(key, label)).append("<select id=\"").append(key).append("\" class=\"form-control\"")
            .append(variableAttributes(key, "String")).append(required).append(">");
        c.path("values").forEach(value -> html.append("<option value=\"").append(escape(value.path("value").asText()))
            .append("\">").append(escape(value.path("label").asText())).append("</option>"));
        html.append("</select>").append(help).append("</div>\n");
        return;
      }
      default -> { }
    }
    String input = switch (field.type()) {
      case "number" -> "<input type=\"number\" id=\"" + key + "\" class=\"form-control\""
          + variableAttributes(key, field.integer() ? "Integer" : "Double")
          + (field.min() == null ? "" : " min=\"" + number(field.min()) + "\"")
          + (field.max() == null ? "" : " max=\"" + number(field.max()) + "\"")
          + (field.integer() ? " step=\"1\"" : " step=\"any\"");
      case "datetime" -> "<input type=\"" + switch (c.path("subtype").asText("date")) {
            case "time" -> "time";
            case "datetime" -> "datetime-local";
            default -> "date";
          } + "\" id=\"" + key + "\" class=\"form-control\"" + variableAttributes(key, "String");
      case "textfield" -> "<input type=\"" + (field.email() ? "email" : "text") + "\" id=\"" + key
          + "\" class=\"form-control\"" + variableAttributes(key, "String") + lengths(field)
          + (field.pattern() == null ? "" : " pattern=\"" + escape(field.pattern()) + "\"");
      default -> throw new IllegalArgumentException(formId + ".form: field " + key + " of type " + field.type()
          + " has no embedded HTML here");
    };
    html.append(group(key, label)).append(input).append(required).append(">").append(help).append("</div>\n");
  }

  private static String group(String key, String label) {
    return "  <div class=\"form-group\"><label for=\"" + key + "\">" + label + "</label>";
  }

  private static String variableAttributes(String name, String type) {
    return " cam-variable-name=\"" + name + "\" cam-variable-type=\"" + type + "\"";
  }

  private static String lengths(FormRules.Field field) {
    return (field.minLength() == null ? "" : " minlength=\"" + field.minLength() + "\"")
        + (field.maxLength() == null ? "" : " maxlength=\"" + field.maxLength() + "\"");
  }

  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  static String camelCase(String kebab) {
    var out = new StringBuilder();
    for (String part : kebab.split("-")) {
      out.append(out.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return out.toString();
  }

  private static String kebabCase(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
