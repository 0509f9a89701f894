package org.congressflow.deadline;

import static org.congressflow.deadline.DeadlineVariables.REMINDER_LEAD_DAYS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The e-mail steps of the processes; each runs as its own job (asyncBefore, retried). */
@Configuration
class DeadlineMailSteps {

  @Bean
  JavaDelegate sendDeadlineReminder(DeadlineMails mails, Notifications notifications) {
    return execution -> notifications.sendOnce(
        mails.reminder(execution, ((Number) execution.getVariable(REMINDER_LEAD_DAYS)).intValue()));
  }

  @Bean
  JavaDelegate sendEscalationMail(DeadlineMails mails, Notifications notifications) {
    return execution -> notifications.sendOnce(mails.escalation(execution));
  }

  @Bean
  JavaDelegate sendWorkWarningMail(DeadlineMails mails, Notifications notifications) {
    return execution -> notifications.sendOnce(mails.workWarning(execution));
  }

  @Bean
  JavaDelegate sendWorkOverdueMail(DeadlineMails mails, Notifications notifications) {
    return execution -> notifications.sendOnce(mails.workOverdue(execution));
  }

  @Bean
  JavaDelegate notifyGateOverdue(DeadlineMails mails, Notifications notifications) {
    return (DelegateExecution execution) -> notifications.sendOnce(mails.gateOverdue(execution));
  }
}
