package org.congressflow.works;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.congressflow.form.FormValues;

/** A welcoming work as registered: what, where, how much (VND), when, and which congress it welcomes. */
record WelcomingWork(
    String name,
    String description,
    String kind,
    String place,
    long estimatedValue,
    LocalDate expectedCompletion,
    Welcomed welcomes,
    LocalDate dueDate) {

  /**
   * Reads one row of the registration form; every problem of the row is added to {@code problems} (prefixed with
   * "Công trình n") and null is returned when there is one.
   */
  static WelcomingWork read(JsonNode row, int number, boolean isDistrict, Welcomed.CongressDues dues,
      List<String> problems) {
    String prefix = "Công trình " + number + ": ";
    var own = new ArrayList<String>();
    String name = FormValues.text(row.get("name"));
    String kind = FormValues.text(row.get("kind"));
    String place = FormValues.text(row.get("place"));
    if (name.isEmpty()) {
      own.add("chưa nhập tên công trình");
    }
    if (kind.isEmpty()) {
      own.add("chưa nhập loại công trình");
    }
    if (place.isEmpty()) {
      own.add("chưa nhập địa điểm");
    }
    Long value = null;
    LocalDate expected = null;
    try {
      value = FormValues.number(row.get("estimatedValue"), "giá trị dự kiến");
      if (value == null || value <= 0) {
        own.add("giá trị dự kiến (đồng) phải lớn hơn 0");
      }
    } catch (IllegalArgumentException e) {
      own.add(e.getMessage());
    }
    try {
      expected = FormValues.date(row.get("expectedCompletion"), "ngày dự kiến hoàn thành");
      if (expected == null) {
        own.add("chưa nhập ngày dự kiến hoàn thành");
      }
    } catch (IllegalArgumentException e) {
      own.add(e.getMessage());
    }
    Welcomed welcomes = Welcomed.fromForm(FormValues.text(row.get("welcomes")), isDistrict);
    LocalDate due = welcomes == null ? null : welcomes.due(dues);
    if (welcomes == null) {
      own.add("chưa chọn đại hội được chào mừng (tỉnh, huyện hoặc của tổ chức mình)");
    } else if (expected != null && expected.isAfter(due)) {
      own.add("ngày dự kiến hoàn thành " + expected + " sau hạn " + welcomes.label + " (" + due
          + "): công trình phải hoàn thành trước đại hội được chào mừng");
    }
    own.forEach(problem -> problems.add(prefix + problem));
    if (!own.isEmpty()) {
      return null;
    }
    return new WelcomingWork(name, FormValues.text(row.get("description")), kind, place, value, expected, welcomes, due);
  }

  /** The row as kept in the process (and shown again in the form when the list is sent back). */
  ObjectNode toJson() {
    var node = FormValues.JSON.createObjectNode()
        .put("name", name)
        .put("description", description)
        .put("kind", kind)
        .put("place", place)
        .put("estimatedValue", estimatedValue)
        .put("expectedCompletion", expectedCompletion.toString())
        .put("welcomes", welcomes == Welcomed.BASE ? "own" : welcomes.code)
        .put("dueDate", dueDate.toString());
    return node;
  }
}
