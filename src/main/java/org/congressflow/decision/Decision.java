package org.congressflow.decision;

import java.time.Instant;
import java.time.LocalDate;

/** One row of the decision record: who decided what, when, at which step and round, and why. */
public record Decision(
    long id,
    String campaignId,
    String organisationId,
    String processInstanceId,
    String processKey,
    String kind,
    String step,
    String stepName,
    int round,
    String decision,
    String comment,
    LocalDate newDeadline,
    String directingMember,
    String decidedBy,
    Instant decidedAt) {

  public static final String GATE = "gate";
  public static final String ESCALATION = "escalation";
  public static final String DEADLINE = "deadline";
}
