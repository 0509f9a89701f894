package org.congressflow.deadline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Delivers what the delivery right after a commit missed (the node stopped, SMTP was down): every node polls the
 * outbox; the claim keeps two nodes from sending the same row. Off in the tests, which call the outbox themselves.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "congressflow.mail.poll", havingValue = "true", matchIfMissing = true)
class MailOutboxPoller {

  private static final Logger log = LoggerFactory.getLogger(MailOutboxPoller.class);

  private final MailOutbox outbox;

  MailOutboxPoller(MailOutbox outbox) {
    this.outbox = outbox;
  }

  @Scheduled(initialDelayString = "${congressflow.mail.poll-interval:1m}",
      fixedDelayString = "${congressflow.mail.poll-interval:1m}")
  void deliverDue() {
    try {
      int sent = outbox.deliverDue();
      if (sent > 0) {
        log.info("{} e-mail(s) from the outbox sent", sent);
      }
    } catch (RuntimeException e) {
      log.warn("Outbox not delivered now; next poll tries again", e);
    }
  }
}
