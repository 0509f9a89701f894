package org.congressflow.works;

import static org.congressflow.works.WorksVariables.*;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.congressflow.campaign.DueDates;
import org.congressflow.organisation.CongressAccess;
import org.congressflow.organisation.OrganisationTree;
import org.springframework.stereotype.Component;

/**
 * Start of one work's tracking: its name and the dates of its timers, from the stored work. The work is due by the
 * end of the welcomed congress's deadline; the organisation is warned {@code warningDays} before.
 */
@Component("loadWork")
class LoadWork implements ExecutionListener {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final WelcomingWorks welcomingWorks;
  private final WorksProperties properties;
  private final OrganisationTree organisationTree;
  private final CongressAccess congressAccess;

  LoadWork(WelcomingWorks welcomingWorks, WorksProperties properties, OrganisationTree organisationTree,
      CongressAccess congressAccess) {
    this.welcomingWorks = welcomingWorks;
    this.properties = properties;
    this.organisationTree = organisationTree;
    this.congressAccess = congressAccess;
  }

  @Override
  public void notify(DelegateExecution execution) {
    var work = welcomingWorks.work(((Number) execution.getVariable(WORK_ID)).longValue());
    var due = work.dueDate();
    execution.setVariable(WORK_NAME, work.name());
    execution.setVariable(CONGRESS_NAME, "Công trình \"" + work.name() + "\" chào mừng "
        + Welcomed.fromCode(work.welcomes()).label);
    execution.setVariable(WORK_DUE, DueDates.endOf(due));
    execution.setVariable(WORK_DUE_TEXT, Welcomed.fromCode(work.welcomes()).label + " (hạn " + due.format(DAY) + ")");
    execution.setVariable(WORK_WARNING,
        Date.from(due.minusDays(properties.warningDays()).atStartOfDay(DueDates.ZONE).toInstant()));
    execution.setVariable(WORK_REVIEW_DUE, DueDates.endOf(due.plusDays(properties.reviewDays())));
    execution.setVariable(WORK_DUE_WARNING, "");
    execution.setVariable(WORK_FINISHED, false);
    execution.setVariable(WORK_OVERDUE, false);
    congressAccess.grantRead(execution.getProcessInstanceId(), organisationTree.congressOf(
        (String) execution.getVariable(CAMPAIGN_ID), (String) execution.getVariable(ORGANISATION_ID)));
  }
}
