package org.congressflow.deadline;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.congressflow.campaign.CampaignDefinition;
import org.congressflow.campaign.CampaignDefinition.DeadlinePolicy;
import org.congressflow.campaign.CampaignRegistry;
import org.congressflow.campaign.DueDates;
import org.congressflow.organisation.OrganisationTree;
import org.congressflow.process.CongressParts;
import org.springframework.stereotype.Component;

/**
 * Deadlines as the processes ask for them ({@code ${deadlines.gateDue(execution)}} in the approval gate) and the
 * deadline-watch variables a congress starts with. Dates follow the campaign's deadline policy.
 */
@Component("deadlines")
public class Deadlines {

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final CampaignRegistry campaigns;
  private final OrganisationTree organisationTree;

  Deadlines(CampaignRegistry campaigns, OrganisationTree organisationTree) {
    this.campaigns = campaigns;
    this.organisationTree = organisationTree;
  }

  /**
   * The first alarm of a congress's deadline watch. Evaluated when the congress starts, before its start
   * listener, so it reads the deadline from the campaign rather than from the congress's variables.
   */
  public Date firstAlarm(DelegateExecution execution) {
    String campaignId = campaignOf(execution);
    var due = organisationTree.congressOf(campaignId, (String) execution.getVariable("organisationId")).due();
    var schedule = new DeadlineSchedule(due, policy(campaignId));
    return Date.from(schedule.firstAlarmFrom(ClockUtil.getCurrentTime().toInstant()));
  }

  public DeadlinePolicy policy(String campaignId) {
    return campaigns.definition(campaignId).policy();
  }

  /**
   * A gate task is due the number of days the campaign gives its step after it is created; the step is the
   * congress's call activity that called the gate.
   */
  public Date gateDue(DelegateExecution execution) {
    return DueDates.endOf(gateDueDay(execution, CongressParts.stepOf(execution)));
  }

  /** The gate's overdue timer: at the end of its due day, then again every escalation interval. */
  public String gateCycle(DelegateExecution execution) {
    var policy = policy(campaignOf(execution));
    var overdueAt = gateDueDay(execution, CongressParts.stepOf(execution)).plusDays(1).atStartOfDay(DueDates.ZONE)
        .toOffsetDateTime();
    return "R/" + ISO.format(overdueAt) + "/P" + policy.repeatDays() + "D";
  }

  /** Variables of the deadline watch for a congress due on {@code due}. */
  public Map<String, Object> watchVariables(CampaignDefinition campaign, LocalDate due) {
    var schedule = new DeadlineSchedule(due, campaign.policy());
    return Map.of(
        DeadlineVariables.CONGRESS_DUE, DueDates.endOf(due),
        DeadlineVariables.FOLLOW_UP_DATE, Date.from(schedule.followUp()),
        DeadlineVariables.OVERDUE, false,
        DeadlineVariables.ESCALATIONS, 0,
        DeadlineVariables.ESCALATION_CYCLE, "R/P" + campaign.policy().repeatDays() + "D");
  }

  private LocalDate gateDueDay(DelegateExecution execution, String gate) {
    var policy = policy(campaignOf(execution));
    return new DeadlineCalendar(policy).plus(DueDates.today(ClockUtil.getCurrentTime()), policy.daysFor(gate));
  }

  static String campaignOf(DelegateExecution execution) {
    return (String) execution.getVariable("campaignId");
  }

  static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(DueDates.ZONE).toOffsetDateTime();
  }
}
