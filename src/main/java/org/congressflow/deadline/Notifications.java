package org.congressflow.deadline;

import java.sql.Timestamp;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Sends each notification once. It runs inside the job of an e-mail step: the row and the send commit together,
 * so an SMTP failure rolls both back and the engine retries the job (then raises an incident); a job that runs
 * again after its e-mail went out finds the row sent and does nothing.
 */
@Service
public class Notifications {

  private static final Logger log = LoggerFactory.getLogger(Notifications.class);

  /** What to send, to whom, and the key that makes it unique. */
  public record Notification(String key, String campaignId, String organisationId, String kind,
      List<String> recipients, String subject, String body) {}

  private final JdbcTemplate jdbc;
  private final JavaMailSender mailSender;
  private final String from;

  Notifications(JdbcTemplate jdbc, JavaMailSender mailSender, @Value("${congressflow.mail.from}") String from) {
    this.jdbc = jdbc;
    this.mailSender = mailSender;
    this.from = from;
  }

  public void sendOnce(Notification notification) {
    var sentBefore = jdbc.queryForList("select sent_at from cf_notification where notification_key = ?",
        Timestamp.class, notification.key());
    if (!sentBefore.isEmpty()) {
      log.info("Notification {} was sent before; not sent again", notification.key());
      return;
    }
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    jdbc.update("""
        insert into cf_notification (notification_key, campaign_id, organisation_id, kind, recipients, subject, body,
          created_at, sent_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        notification.key(), notification.campaignId(), notification.organisationId(), notification.kind(),
        String.join(",", notification.recipients()), notification.subject(), notification.body(), now, now);
    if (notification.recipients().isEmpty()) {
      log.warn("Notification {} has no recipient with an e-mail address; kept, not mailed", notification.key());
      return;
    }
    var message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(notification.recipients().toArray(String[]::new));
    message.setSubject(notification.subject());
    message.setText(notification.body());
    mailSender.send(message);
  }

  /** The organisations that were sent notifications of a kind, each once, sorted. */
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
