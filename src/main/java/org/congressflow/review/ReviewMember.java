package org.congressflow.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.congressflow.form.FormValues;

/**
 * A party member under review: who (name, birth year, position, cell), whether a leader of the organisation or a
 * cadre managed by the district standing committee, whether disciplined in the year, and the levels so far.
 */
record ReviewMember(
    String name,
    int birthYear,
    String position,
    String cell,
    boolean leader,
    boolean districtManaged,
    boolean disciplined,
    String selfLevel,
    String proposedLevel) {

  /** Secretaries, deputies and committee members lead the organisation (a form may say otherwise). */
  static boolean leads(String position) {
    String p = position.toLowerCase(Locale.forLanguageTag("vi"));
    return p.contains("bí thư") || p.contains("cấp ủy") || p.contains("thường vụ");
  }

  String key() {
    return name + "/" + birthYear;
  }

  static ReviewMember fromJson(JsonNode row) {
    return new ReviewMember(FormValues.text(row.get("name")), row.path("birthYear").asInt(),
        FormValues.text(row.get("position")), FormValues.text(row.get("cell")), FormValues.bool(row.get("leader")),
        FormValues.bool(row.get("districtManaged")), FormValues.bool(row.get("disciplined")),
        FormValues.text(row.get("selfLevel")), FormValues.text(row.get("proposedLevel")));
  }

  ObjectNode toJson() {
    return FormValues.JSON.createObjectNode()
        .put("name", name).put("birthYear", birthYear).put("position", position).put("cell", cell)
        .put("leader", leader).put("districtManaged", districtManaged).put("disciplined", disciplined)
        .put("selfLevel", selfLevel).put("proposedLevel", proposedLevel);
  }

  ReviewMember withSelfReview(boolean disciplined, String selfLevel) {
    return new ReviewMember(name, birthYear, position, cell, leader, districtManaged, disciplined, selfLevel,
        proposedLevel);
  }

  ReviewMember withProposal(String proposedLevel) {
    return new ReviewMember(name, birthYear, position, cell, leader, districtManaged, disciplined, selfLevel,
        proposedLevel);
  }
}
