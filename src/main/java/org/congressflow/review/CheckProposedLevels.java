package org.congressflow.review;

import static org.congressflow.review.ReviewVariables.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.congressflow.rules.DecisionTables;
import org.springframework.stereotype.Component;

/**
 * The proposed levels against the decision tables: quality-review-excellent-quota for the unit's members, and
 * quality-review-member-limit for each member. A refused proposal goes back with every message in
 * {@code levelsRefusal}.
 */
@Component("checkProposedLevels")
class CheckProposedLevels implements JavaDelegate {

  static final String QUOTA = "quality-review-excellent-quota";
  static final String MEMBER_LIMIT = "quality-review-member-limit";

  private final DecisionTables decisionTables;

  CheckProposedLevels(DecisionTables decisionTables) {
    this.decisionTables = decisionTables;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var members = ReviewMembers.kept(execution);
    String organisationLevel = (String) execution.getVariable(PROPOSED_ORGANISATION_LEVEL);
    int year = ((Number) execution.getVariable(REVIEW_YEAR)).intValue();
    var violations = new ArrayList<>(decisionTables.violations(QUOTA, Map.of(
        "excellentCount", count(members, ReviewLevel.EXCELLENT),
        "goodCount", count(members, ReviewLevel.GOOD))));
    for (var member : members) {
      var variables = new HashMap<String, Object>();
      variables.put("memberName", member.name());
      variables.put("reviewYear", year);
      variables.put("disciplined", member.disciplined());
      variables.put("leader", member.leader());
      variables.put("organisationLevel", organisationLevel);
      variables.put("proposedLevel", member.proposedLevel());
      variables.put("proposedLevelName", ReviewLevel.of(member.proposedLevel()).label);
      violations.addAll(decisionTables.violations(MEMBER_LIMIT, variables));
    }
    execution.setVariable(LEVELS_ACCEPTED, violations.isEmpty());
    execution.setVariable(LEVELS_REFUSAL,
        violations.isEmpty() ? "" : "Đề xuất bị từ chối: " + String.join(" ", violations));
  }

  private static int count(java.util.List<ReviewMember> members, ReviewLevel level) {
    return (int) members.stream().filter(m -> level.code.equals(m.proposedLevel())).count();
  }
}
