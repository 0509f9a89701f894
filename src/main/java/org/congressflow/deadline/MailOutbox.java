package org.congressflow.deadline;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's e-mails, on any node: a row is claimed (pending -> sending) in a short transaction of its own,
 * mailed with no transaction open, then marked sent; a failed attempt is retried later, and the last one leaves the
 * row failed with an incident ({@link UndeliverableMail}). A row left sending by a sender that died is taken over
 * after the lease, so no e-mail is lost; README says when that can mean a second copy.
 */
@Service
class MailOutbox {

  static final String PENDING = "pending";
  static final String SENDING = "sending";
  static final String SENT = "sent";
  static final String FAILED = "failed";
  static final String SKIPPED = "skipped";
  private static final int BATCH = 50;
  private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();
  /** Due: pending and its time has come, or claimed before the lease began and never finished. */
  private static final String DUE =
      "(status = 'pending' and next_attempt_at <= ?) or (status = 'sending' and claimed_at <= ?)";

  private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

  /** A claimed row: what to send, and the claim that lets its sender (and only it) record the outcome. */
  record OutboxMail(String key, List<String> recipients, String subject, String body, String messageId,
      int attempts, String processInstanceId, String claim) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final JavaMailSender mailSender;
  private final UndeliverableMail undeliverable;
  private final MailSettings settings;

  MailOutbox(JdbcTemplate jdbc, PlatformTransactionManager transactions, JavaMailSender mailSender,
      UndeliverableMail undeliverable, MailSettings settings) {
    this.jdbc = jdbc;
    // each step its own transaction, also when called right after another one's commit
    this.transaction = new TransactionTemplate(transactions);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.mailSender = mailSender;
    this.undeliverable = undeliverable;
    this.settings = settings;
  }

  /** Sends every row that is due now; returns how many e-mails the SMTP server accepted. */
  int deliverDue() {
    int sent = 0;
    List<String> due;
    do {
      due = transaction.execute(status -> jdbc.queryForList("select notification_key from cf_notification where "
          + DUE + " order by created_at, notification_key fetch first " + BATCH + " rows only", String.class,
          now(), leaseStart()));
      for (String key : due) {
        sent += deliver(key) ? 1 : 0;
      }
    } while (due.size() == BATCH);
    return sent;
  }

  /** Sends one row if it is due and no other sender has it; true if the SMTP server accepted it. */
  boolean deliver(String key) {
    var mail = claim(key);
    if (mail.isEmpty()) {
      return false;
    }
    try {
      send(mail.get());
    } catch (RuntimeException e) {
      failed(mail.get(), e);
      return false;
    }
    transaction.executeWithoutResult(status -> jdbc.update(
        "update cf_notification set status = ?, sent_at = ?, last_error = null where notification_key = ?",
        SENT, now(), key));
    return true;
  }

  /** One conditional update: of two senders claiming the same row at once, exactly one gets it. */
  Optional<OutboxMail> claim(String key) {
    String claim = (NODE.length() > 60 ? NODE.substring(0, 60) : NODE) + " " + UUID.randomUUID();
    return transaction.execute(status -> {
      int claimed = jdbc.update("update cf_notification set status = ?, claimed_by = ?, claimed_at = ?,"
          + " attempts = attempts + 1 where notification_key = ? and (" + DUE + ")",
          SENDING, claim, now(), key, now(), leaseStart());
      return claimed == 0 ? Optional.<OutboxMail>empty() : Optional.of(jdbc.queryForObject("""
          select recipients, subject, body, message_id, attempts, process_instance_id from cf_notification
          where notification_key = ?""", (row, i) -> new OutboxMail(key,
          Arrays.asList(row.getString("recipients").split(",")), row.getString("subject"), row.getString("body"),
          row.getString("message_id"), row.getInt("attempts"), row.getString("process_instance_id"), claim), key));
    });
  }

  /** One SMTP transaction to all recipients, with the row's own Message-ID. */
  void send(OutboxMail mail) {
    try {
      mailSender.send(message -> {
        var helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
        helper.setFrom(settings.from());
        helper.setTo(mail.recipients().toArray(String[]::new));
        helper.setSubject(mail.subject());
        helper.setText(mail.body());
        if (mail.messageId() != null) {
          message.setHeader("Message-ID", mail.messageId());
        }
      });
    } catch (MailSendException e) {
      // without failed messages only closing the connection failed: the server has the e-mail, do not send it again
      if (!e.getFailedMessages().isEmpty()) {
        throw e;
      }
      log.warn("E-mail {} accepted by the SMTP server; closing the connection failed", mail.key(), e);
    }
  }

  /** Back to pending for a later attempt, or failed with an incident after the last one. */
  private void failed(OutboxMail mail, RuntimeException e) {
    String error = describe(e);
    log.warn("E-mail {} not sent, attempt {} of {}: {}", mail.key(), mail.attempts(), settings.attempts(), error);
    if (mail.attempts() < settings.attempts()) {
      var next = new Timestamp(now().getTime() + settings.retryDelay(mail.attempts()).toMillis());
      transaction.executeWithoutResult(status -> release(mail, PENDING, error, next));
      return;
    }
    try {
      transaction.executeWithoutResult(status -> {
        if (release(mail, FAILED, error, null) == 1) {
          undeliverable.report(mail, error);
        }
      });
    } catch (RuntimeException incidentFailed) {
      // failed it is, or the row would come back after every lease
      log.error("E-mail {} undeliverable; its incident could not be raised", mail.key(), incidentFailed);
      transaction.executeWithoutResult(status -> release(mail, FAILED, error, null));
    }
  }

  /** Records the failed attempt, if the row is still this sender's claim. */
  private int release(OutboxMail mail, String status, String error, Timestamp nextAttempt) {
    return jdbc.update("update cf_notification set status = ?, last_error = ?, next_attempt_at = ?"
        + " where notification_key = ? and status = ? and claimed_by = ?", status, error, nextAttempt, mail.key(),
        SENDING, mail.claim());
  }

  /** The error on one line, with its root cause unless the message names it already. */
  private static String describe(RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
    boolean named = cause == e || message.contains(String.valueOf(cause.getMessage()));
    return cut((named ? message : message + " (" + cause + ")").replaceAll("\\s+", " "), 1000);
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }

  private Timestamp leaseStart() {
    return new Timestamp(now().getTime() - settings.lease().toMillis());
  }

  static String cut(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }
}
