package org.congressflow.review;

import static org.congressflow.review.ReviewVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.congressflow.form.FormValues;
import org.congressflow.process.Refusal;

/**
 * The member list of a review as the server keeps it ({@code reviewMembers}), and what a form submits
 * ({@code members}): the submitted rows update the kept ones by name and birth year, and both are written back whole.
 */
final class ReviewMembers {

  private ReviewMembers() {}

  static List<ReviewMember> kept(VariableScope scope) {
    var members = new ArrayList<ReviewMember>();
    FormValues.array(scope.getVariableTyped(REVIEW_MEMBERS), REVIEW_MEMBERS)
        .forEach(row -> members.add(ReviewMember.fromJson(row)));
    return members;
  }

  static void keep(VariableScope scope, List<ReviewMember> members) {
    var list = FormValues.JSON.createArrayNode();
    members.forEach(member -> list.add(member.toJson()));
    scope.setVariable(REVIEW_MEMBERS, FormValues.json(list));
    scope.setVariable(MEMBERS, FormValues.json(list));
    scope.setVariable(MEMBER_COUNT, members.size());
  }

  /**
   * Applies each submitted row to the kept member with its name and birth year; a row naming no kept member, or a
   * kept member without a row, is refused.
   */
  static List<ReviewMember> merge(VariableScope scope, BiFunction<ReviewMember, ReviewMember, ReviewMember> update) {
    var kept = new LinkedHashMap<String, ReviewMember>();
    kept(scope).forEach(member -> kept.put(member.key(), member));
    var updated = new LinkedHashMap<>(kept);
    var unknown = new ArrayList<String>();
    var submitted = new java.util.HashSet<String>();
    for (var row : FormValues.array(scope.getVariableTyped(MEMBERS), "Danh sách đảng viên")) {
      var member = ReviewMember.fromJson(row);
      var before = kept.get(member.key());
      if (before == null) {
        unknown.add(member.name() + " (" + member.birthYear() + ")");
      } else {
        updated.put(member.key(), update.apply(before, member));
        submitted.add(member.key());
      }
    }
    if (!unknown.isEmpty()) {
      throw new Refusal("Không có trong danh sách đảng viên: " + String.join(", ", unknown));
    }
    var missing = kept.values().stream().filter(m -> !submitted.contains(m.key())).map(ReviewMember::name).toList();
    if (!missing.isEmpty()) {
      throw new Refusal("Chưa có ý kiến cho đảng viên: " + String.join(", ", missing));
    }
    return new ArrayList<>(updated.values());
  }
}
