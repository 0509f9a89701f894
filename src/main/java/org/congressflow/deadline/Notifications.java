package org.congressflow.deadline;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox of e-mails ({@code cf_notification}). An e-mail step only writes its notification here, in the job's
 * transaction and once per key, however often the job runs; {@link MailOutbox} sends it after that transaction has
 * committed, so a job that rolls back sends nothing.
 */
@Service
public class Notifications {

  private static final Logger log = LoggerFactory.getLogger(Notifications.class);

  /** What to send, to whom, and the key that makes it unique. */
  public record Notification(String key, String campaignId, String organisationId, String kind,
      List<String> recipients, String subject, String body) {}

  private final JdbcTemplate jdbc;
  private final MailOutbox outbox;
  private final MailSettings settings;
  private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
    var thread = new Thread(task, "mail-outbox");
    thread.setDaemon(true);
    return thread;
  });

  Notifications(JdbcTemplate jdbc, MailOutbox outbox, MailSettings settings) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.settings = settings;
  }

  /**
   * Writes the notification to the outbox as pending, unless its key is there already; it is delivered as soon as
   * the current transaction commits (and by the poller if that is missed). Without recipients it is kept, not mailed.
   */
  public void enqueue(Notification notification, String processInstanceId) {
    if (jdbc.queryForObject("select count(*) from cf_notification where notification_key = ?", Integer.class,
        notification.key()) > 0) {
      log.info("Notification {} was written before; not again", notification.key());
      return;
    }
    boolean addressed = !notification.recipients().isEmpty();
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    jdbc.update("""
        insert into cf_notification (notification_key, campaign_id, organisation_id, kind, recipients, subject, body,
          created_at, status, attempts, next_attempt_at, message_id, process_instance_id)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""",
        notification.key(), notification.campaignId(), notification.organisationId(), notification.kind(),
        String.join(",", notification.recipients()), notification.subject(), notification.body(), now,
        addressed ? MailOutbox.PENDING : MailOutbox.SKIPPED, now, messageId(), processInstanceId);
    if (!addressed) {
      log.warn("Notification {} has no recipient with an e-mail address; kept, not mailed", notification.key());
    } else if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          deliverAfterCommit(notification.key());
        }
      });
    }
  }

  private void deliverAfterCommit(String key) {
    Runnable delivery = () -> {
      try {
        outbox.deliver(key);
      } catch (RuntimeException e) {
        log.warn("Notification {} not delivered after its commit; the poller tries again", key, e);
      }
    };
    if (settings.afterCommit() == MailSettings.AfterCommit.SAME_THREAD) {
      delivery.run();
    } else {
      background.execute(delivery);
    }
  }

  /** A Message-ID of its own, the same on every attempt. */
  private String messageId() {
    String from = settings.from();
    String domain = from.substring(from.lastIndexOf('@') + 1).replace(">", "").trim();
    return "<" + UUID.randomUUID() + ".notification@" + domain + ">";
  }

  /** At shutdown the deliveries handed over still run, for a while; what is left is the poller's. */
  @PreDestroy
  void stop() throws InterruptedException {
    background.shutdown();
    background.awaitTermination(30, TimeUnit.SECONDS);
  }

  /** The organisations that were notified of a kind (whatever became of the e-mail), each once, sorted. */
  public List<String> organisations(String campaignId, String kind) {
    return jdbc.queryForList("select distinct organisation_id from cf_notification where campaign_id = ? and kind = ?"
        + " order by organisation_id", String.class, campaignId, kind);
  }

  public int count(String campaignId, String organisationId, String kind) {
    return jdbc.queryForObject(
        "select count(*) from cf_notification where campaign_id = ? and organisation_id = ? and kind = ?",
        Integer.class, campaignId, organisationId, kind);
  }
}
