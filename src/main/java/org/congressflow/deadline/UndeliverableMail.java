package org.congressflow.deadline;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.congressflow.deadline.MailOutbox.OutboxMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An e-mail that the SMTP server refused at every attempt becomes an incident of the process that wrote it, where
 * Cockpit shows it to the administrators and to the district groups that follow the congresses there.
 */
@Component
class UndeliverableMail {

  static final String INCIDENT_TYPE = "undeliverableMail";
  private static final Logger log = LoggerFactory.getLogger(UndeliverableMail.class);

  private final RuntimeService runtime;

  UndeliverableMail(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** Raises the incident in the caller's transaction, so that it and the failed row commit together. */
  void report(OutboxMail mail, String error) {
    String message = MailOutbox.cut("Không gửi được e-mail \"%s\" tới %s sau %d lần thử. Lỗi lần cuối: %s"
        .formatted(mail.subject(), String.join(", ", mail.recipients()), mail.attempts(), error), 4000);
    var where = mail.processInstanceId() == null ? null : runtime.getActivityInstance(mail.processInstanceId());
    if (where == null) {
      log.error("{} (notification {}; its process has ended, so no incident)", message, mail.key());
      return;
    }
    runtime.createIncident(INCIDENT_TYPE, waitingExecution(where), mail.key(), message);
  }

  /** An execution at a step the process is waiting at (an incident needs one), the first one found. */
  private static String waitingExecution(ActivityInstance instance) {
    if (instance.getChildActivityInstances().length > 0) {
      return waitingExecution(instance.getChildActivityInstances()[0]);
    }
    if (instance.getChildTransitionInstances().length > 0) {
      return instance.getChildTransitionInstances()[0].getExecutionId();
    }
    return instance.getExecutionIds()[0];
  }
}
