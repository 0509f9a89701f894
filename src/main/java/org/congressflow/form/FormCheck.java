package org.congressflow.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.congressflow.form.FormRules.Field;

/**
 * Checks submitted values against a form's rules, as form-js does in the browser, and says what is wrong in
 * Vietnamese, naming each field by its label. Documents are given by their size in bytes.
 */
final class FormCheck {

  private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");

  private final Function<String, Object> values;
  private final Function<String, Long> documentSizes;
  private final Predicate<String> conditionHolds;
  private final long maxDocumentBytes;

  /**
   * @param values the value of a variable, null when it has none (lists for checklists)
   * @param documentSizes the size of a file variable, null when there is none
   * @param conditionHolds evaluates a {@code conditional.hide} expression (FEEL, without the leading '=')
   */
  FormCheck(Function<String, Object> values, Function<String, Long> documentSizes, Predicate<String> conditionHolds,
      long maxDocumentBytes) {
    this.values = values;
    this.documentSizes = documentSizes;
    this.conditionHolds = conditionHolds;
    this.maxDocumentBytes = maxDocumentBytes;
  }

  List<String> problems(FormRules rules) {
    var problems = new ArrayList<String>();
    for (var document : rules.documents()) {
      Long size = documentSizes.apply(document.variable());
      String name = document.label();
      if (size == null || size == 0) {
        if (document.required()) {
          problems.add("Chưa đính kèm tệp " + lowerFirst(name));
        }
      } else if (size > maxDocumentBytes) {
        problems.add("Tệp " + lowerFirst(name) + " quá lớn: " + megabytes(size) + " MB, tối đa "
            + megabytes(maxDocumentBytes) + " MB");
      }
    }
    for (var field : rules.fields()) {
      if (field.hideWhen() != null && conditionHolds.test(field.hideWhen().replaceFirst("^=", ""))) {
        continue;
      }
      check(field, values.apply(field.key()), problems);
    }
    return problems;
  }

  private static void check(Field field, Object value, List<String> problems) {
    String name = field.label();
    if (isEmpty(field, value)) {
      if (field.required()) {
        problems.add((field.type().equals("checkbox") ? "Chưa xác nhận " : "Chưa nhập ") + lowerFirst(name));
      }
      return;
    }
    switch (field.type()) {
      case "number" -> checkNumber(field, name, value, problems);
      case "datetime" -> {
        if (!(value instanceof Date) && !isDate(value.toString())) {
          problems.add(name + " không phải là ngày hợp lệ: '" + value + "'");
        }
      }
      case "radio", "select" -> {
        if (!field.allowed().contains(value.toString())) {
          problems.add(name + " phải là một trong " + field.choiceLabels() + ", không phải '" + value + "'");
        }
      }
      case "checklist", "taglist" -> {
        for (Object item : (Collection<?>) value) {
          if (!field.allowed().contains(String.valueOf(item))) {
            problems.add(name + " không có lựa chọn '" + item + "'");
          }
        }
      }
      case "checkbox" -> {
        if (!(value instanceof Boolean) && !"true".equals(value.toString()) && !"false".equals(value.toString())) {
          problems.add(name + " phải là đúng/sai");
        }
      }
      default -> checkText(field, name, value.toString().trim(), problems);
    }
  }

  private static boolean isEmpty(Field field, Object value) {
    return value == null
        || value instanceof String text && text.isBlank()
        || value instanceof Collection<?> list && list.isEmpty()
        || field.type().equals("checkbox") && field.required() && !Boolean.parseBoolean(value.toString());
  }

  private static void checkNumber(Field field, String name, Object value, List<String> problems) {
    BigDecimal number;
    try {
      number = new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      problems.add(name + " phải là số, không phải '" + value + "'");
      return;
    }
    String shown = number.stripTrailingZeros().toPlainString();
    if (field.integer() && number.stripTrailingZeros().scale() > 0) {
      problems.add(name + " phải là số nguyên, không phải " + shown);
    }
    if (field.min() != null && number.doubleValue() < field.min()) {
      problems.add(name + " phải từ " + whole(field.min()) + " trở lên, không phải " + shown);
    }
    if (field.max() != null && number.doubleValue() > field.max()) {
      problems.add(name + " không được quá " + whole(field.max()) + ", không phải " + shown);
    }
  }

  private static void checkText(Field field, String name, String text, List<String> problems) {
    if (field.minLength() != null && text.length() < field.minLength()) {
      problems.add(name + " phải có ít nhất " + field.minLength() + " ký tự");
    }
    if (field.maxLength() != null && text.length() > field.maxLength()) {
      problems.add(name + " không được quá " + field.maxLength() + " ký tự (đang có " + text.length() + ")");
    }
    if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(text).find()) {
      problems.add(name + " không đúng định dạng: '" + text + "'");
    }
    if (field.email() && !EMAIL.matcher(text).matches()) {
      problems.add(name + " không phải là địa chỉ e-mail: '" + text + "'");
    }
  }

  private static boolean isDate(String text) {
    try {
      LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String whole(double number) {
    return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
  }

  private static String megabytes(long bytes) {
    return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024 * 1024), 1, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros().toPlainString();
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
