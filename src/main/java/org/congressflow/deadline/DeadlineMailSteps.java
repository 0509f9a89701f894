package org.congressflow.deadline;

import static org.congressflow.deadline.DeadlineVariables.REMINDER_LEAD_DAYS;

import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.congressflow.deadline.Notifications.Notification;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The e-mail steps of the processes; each runs as its own job (asyncBefore, retried) and only writes its e-mail to
 * the outbox, which sends it once that job has committed.
 */
@Configuration
class DeadlineMailSteps {

  @Bean
  JavaDelegate sendDeadlineReminder(DeadlineMails mails, Notifications notifications) {
    return step(notifications,
        execution -> mails.reminder(execution, ((Number) execution.getVariable(REMINDER_LEAD_DAYS)).intValue()));
  }

  @Bean
  JavaDelegate sendEscalationMail(DeadlineMails mails, Notifications notifications) {
    return step(notifications, mails::escalation);
  }

  @Bean
  JavaDelegate sendWorkWarningMail(DeadlineMails mails, Notifications notifications) {
    return step(notifications, mails::workWarning);
  }

  @Bean
  JavaDelegate sendWorkOverdueMail(DeadlineMails mails, Notifications notifications) {
    return step(notifications, mails::workOverdue);
  }

  @Bean
  JavaDelegate notifyGateOverdue(DeadlineMails mails, Notifications notifications) {
    return step(notifications, mails::gateOverdue);
  }

  private static JavaDelegate step(Notifications notifications, Function<DelegateExecution, Notification> mail) {
    return execution -> notifications.enqueue(mail.apply(execution), execution.getProcessInstanceId());
  }
}
