package org.congressflow.deadline;

/** Process variables of the deadline watch (processes/deadline-watch.bpmn, called by every congress). */
public final class DeadlineVariables {

  public static final String CONGRESS_DUE = "congressDue";
  public static final String FOLLOW_UP_DATE = "followUpDate";
  public static final String NEXT_ALARM_AT = "nextAlarmAt";
  public static final String ALARM = "alarm";
  public static final String REMINDER_LEAD_DAYS = "reminderLeadDays";
  public static final String OVERDUE = "overdue";
  public static final String DAYS_OVERDUE = "daysOverdue";
  public static final String ESCALATIONS = "escalations";
  public static final String ESCALATION_GROUP = "escalationGroup";
  public static final String STANDING_GROUP = "standingGroup";
  public static final String ESCALATION_DUE = "escalationDue";
  public static final String ESCALATION_CYCLE = "escalationCycle";

  // entered in the escalation tasks
  public static final String ESCALATION_DECISION = "escalationDecision";
  public static final String NEW_DEADLINE = "newDeadline";
  public static final String REASON = "reason";
  public static final String DIRECTING_MEMBER = "directingMember";
  public static final String EXTEND = "extend";
  public static final String ASSIGN_DIRECTOR = "assignDirector";
  public static final String RAISE = "raise";

  private DeadlineVariables() {}
}
