package org.congressflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.congressflow.support.CampaignBuilder.aCampaign;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.deadline.Notifications.Notification;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowTest;
import org.congressflow.support.TestSmtp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The e-mail outbox: a step's e-mail leaves only after its job has committed, once, through SMTP outages, a commit
 * that fails, a sender that dies and two senders at once; an e-mail that never gets through is an incident.
 */
@CongressFlowTest
class MailOutboxProcessTest {

  private static final String CELL = "khanh-an-cb-01";
  private static final String OFFICER = "outbox-officer@test.congressflow.vn";
  private static final String REMINDER =
      "[CongressFlow] Nhắc hạn: Chi bộ số 1 - Đảng bộ khanh-an - còn 14 ngày (hạn 31/03/2020)";

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  @Autowired Notifications notifications;
  @Autowired MailOutbox outbox;
  @Autowired MailSettings settings;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JavaMailSender mailSender;
  @Autowired UndeliverableMail undeliverable;
  CampaignDriver campaign;
  TransactionTemplate transaction;
  ManagementService management;

  @BeforeEach
  void launch() throws Exception {
    TestSmtp.start();
    TestSmtp.clear();
    // what earlier tests of this database left undelivered is not this test's mail
    jdbc.update("delete from cf_notification where status in ('pending', 'sending')");
    campaign = CampaignDriver.launch(engine, launcher, aCampaign().withBaseCommittee("khanh-an").withCells(1).build());
    campaign.givenUser("outbox-officer", campaign.groups().staff("khanh-an-cb-01"));
    transaction = new TransactionTemplate(transactions);
    management = engine.getManagementService();
  }

  @AfterEach
  void smtpBackUp() {
    TestSmtp.start();
  }

  @Test
  void aStepsEmailLeavesOnlyOnceItsTransactionHasCommitted() {
    var job = reminderJob();

    transaction.executeWithoutResult(status -> {
      management.executeJob(job.getId());
      status.setRollbackOnly();
    });
    assertThat(mailsTo(OFFICER)).as("the step's transaction rolled back").isEmpty();
    assertThat(outbox.deliverDue()).as("and left nothing to send").isZero();

    int sentBeforeTheCommit = transaction.execute(status -> {
      management.executeJob(job.getId());
      return mailsTo(OFFICER).size();
    });
    assertThat(sentBeforeTheCommit).as("the step has run, its transaction is open").isZero();
    assertThat(mailsTo(OFFICER)).extracting(MimeMessage::getSubject).as("committed").containsExactly(REMINDER);
  }

  @Test
  void aCommitThatFailsAfterTheStepSendsNothingAndTheRetrySendsOnce() {
    var job = reminderJob();

    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          throw new IllegalStateException("the database went away at the commit");
        }
      });
      management.executeJob(job.getId());
    })).hasMessageContaining("went away");
    assertThat(mailsTo(OFFICER)).isEmpty();
    assertThat(notifications.count(campaign.campaignId(), CELL, "reminder")).isZero();

    campaign.runJobs();
    assertThat(mailsTo(OFFICER)).extracting(MimeMessage::getSubject).containsExactly(REMINDER);
    campaign.runJobs();
    outbox.deliverDue();
    assertThat(mailsTo(OFFICER)).hasSize(1);
  }

  @Test
  void whileSmtpIsDownTheAttemptsAreCountedAndTheEmailLeavesOnceWhenItIsBack() {
    TestSmtp.stop();
    management.executeJob(reminderJob().getId());
    String watch = campaign.watch(CELL).getId();
    assertThat(management.createJobQuery().processInstanceId(watch).activityId("SendDeadlineReminder").count())
        .as("the step is done, not failing").isZero();
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(watch).count()).isZero();
    assertThat(reminderRow()).containsEntry("STATUS", MailOutbox.PENDING).containsEntry("ATTEMPTS", 1);
    assertThat((String) reminderRow().get("LAST_ERROR")).contains("connect");

    later(settings.firstRetryDelay().minusMinutes(1));
    assertThat(outbox.deliverDue()).isZero();
    assertThat(reminderRow()).as("not due yet").containsEntry("ATTEMPTS", 1);
    later(Duration.ofMinutes(1));
    outbox.deliverDue();
    assertThat(reminderRow()).containsEntry("STATUS", MailOutbox.PENDING).containsEntry("ATTEMPTS", 2);

    TestSmtp.start();
    later(settings.retryDelay(2));
    assertThat(outbox.deliverDue()).isEqualTo(1);
    assertThat(mailsTo(OFFICER)).extracting(MimeMessage::getSubject).containsExactly(REMINDER);
    assertThat(reminderRow()).containsEntry("STATUS", MailOutbox.SENT).containsEntry("ATTEMPTS", 3)
        .containsEntry("LAST_ERROR", null);
    assertThat(((Date) reminderRow().get("SENT_AT")).getTime()).isEqualTo(ClockUtil.getCurrentTime().getTime());

    later(Duration.ofDays(1));
    assertThat(outbox.deliverDue()).isZero();
    assertThat(mailsTo(OFFICER)).hasSize(1);
  }

  @Test
  void anEmailRefusedAtTheLastAttemptIsFailedAndAnIncidentOfTheProcessThatWroteIt() {
    TestSmtp.stop();
    management.executeJob(reminderJob().getId());
    for (int attempt = 2; attempt <= settings.attempts(); attempt++) {
      assertThat(incidents()).as("before attempt %d", attempt).isEmpty();
      later(settings.maxRetryDelay());
      outbox.deliverDue();
    }

    assertThat(reminderRow()).containsEntry("STATUS", MailOutbox.FAILED).containsEntry("ATTEMPTS", settings.attempts());
    assertThat(incidents()).singleElement().satisfies(incident -> {
      assertThat(incident.getConfiguration()).isEqualTo(reminderRow().get("NOTIFICATION_KEY"));
      assertThat(incident.getIncidentMessage())
          .startsWith("Không gửi được e-mail \"" + REMINDER + "\" tới ").contains(OFFICER)
          .contains("sau " + settings.attempts() + " lần thử. Lỗi lần cuối: Mail server connection failed");
    });

    TestSmtp.start();
    later(Duration.ofDays(1));
    assertThat(outbox.deliverDue()).as("a failed e-mail is not retried on its own").isZero();
    assertThat(reminderRow()).containsEntry("ATTEMPTS", settings.attempts());
    assertThat(mailsTo(OFFICER)).isEmpty();
  }

  @Test
  void twoSendersAtOnceSendEachEmailOnce() throws Exception {
    var keys = IntStream.range(0, 40).mapToObj(i -> writtenWithoutDelivery("Thư " + i)).toList();
    var secondNode = new MailOutbox(jdbc, transactions, mailSender, undeliverable, settings);

    var sent = bothAtOnce(outbox::deliverDue, secondNode::deliverDue);

    assertThat(mailsTo(OFFICER)).extracting(MimeMessage::getSubject).hasSize(keys.size()).doesNotHaveDuplicates();
    assertThat(sent.get(0) + sent.get(1)).isEqualTo(keys.size());
    assertThat(jdbc.queryForObject("select count(*) from cf_notification where status = 'sent' and attempts = 1"
        + " and campaign_id = ?", Integer.class, campaign.campaignId())).as("each claimed once").isEqualTo(keys.size());
  }

  @Test
  void ofTwoSendersClaimingTheSameEmailAtOnceOneGetsIt() throws Exception {
    var secondNode = new MailOutbox(jdbc, transactions, mailSender, undeliverable, settings);
    for (int round = 0; round < 20; round++) {
      String key = writtenWithoutDelivery("Thư " + round);

      var claims = bothAtOnce(() -> outbox.claim(key), () -> secondNode.claim(key));

      assertThat(claims).as("round %d", round).filteredOn(claim -> claim.isPresent()).hasSize(1);
    }
  }

  @Test
  void anEmailLeftSendingByASenderThatDiedBeforeSmtpIsSentAfterTheLeaseOnce() {
    String key = writtenWithoutDelivery("Thư của người gửi đã dừng");
    assertThat(outbox.claim(key)).as("claimed; its sender dies here").isPresent();

    assertThat(outbox.deliverDue()).isZero();
    later(settings.lease().minusMinutes(1));
    assertThat(outbox.deliverDue()).as("within the lease it may still be sending").isZero();
    assertThat(mailsTo(OFFICER)).isEmpty();

    later(Duration.ofMinutes(1));
    assertThat(outbox.deliverDue()).isEqualTo(1);
    assertThat(outbox.deliverDue()).isZero();
    assertThat(mailsTo(OFFICER)).extracting(MimeMessage::getSubject)
        .containsExactly("[CongressFlow] Thư của người gửi đã dừng");
  }

  /** The window README owns up to: SMTP accepted, the sender died before it could record that. */
  @Test
  void aSenderThatDiedAfterSmtpAcceptedCausesOneCopyMoreWithTheSameMessageId() throws Exception {
    String key = writtenWithoutDelivery("Thư gửi hai lần");
    outbox.send(outbox.claim(key).orElseThrow());

    later(settings.lease());
    assertThat(outbox.deliverDue()).isEqualTo(1);

    var copies = mailsTo(OFFICER);
    assertThat(copies).hasSize(2);
    assertThat(copies.get(0).getMessageID()).isEqualTo(copies.get(1).getMessageID())
        .isEqualTo(jdbc.queryForObject("select message_id from cf_notification where notification_key = ?",
            String.class, key));
  }

  @Test
  void onTheBackgroundThreadAStepsEmailAlsoLeavesAfterTheCommit() throws Exception {
    var background = new Notifications(jdbc, outbox, new MailSettings(settings.from(),
        MailSettings.AfterCommit.BACKGROUND, settings.attempts(), settings.firstRetryDelay(), settings.maxRetryDelay(),
        settings.lease()));

    int sentBeforeTheCommit = transaction.execute(status -> {
      background.enqueue(notification("Thư sau khi ghi"), null);
      return mailsTo(OFFICER).size();
    });
    background.stop();

    assertThat(sentBeforeTheCommit).isZero();
    assertThat(mailsTo(OFFICER)).extracting(MimeMessage::getSubject).containsExactly("[CongressFlow] Thư sau khi ghi");
  }

  /** The reminder e-mail job of the cell on 17/03/2020, not run yet (the alarm before it has run). */
  private Job reminderJob() {
    campaign.moveTo(LocalDate.of(2020, 3, 16));
    ClockUtil.setCurrentTime(CampaignDriver.at(LocalDate.of(2020, 3, 17)));
    for (int round = 0; round < 100; round++) {
      var watch = campaign.watch(CELL);
      var mailJob = watch == null ? null : management.createJobQuery().processInstanceId(watch.getId())
          .activityId("SendDeadlineReminder").singleResult();
      if (mailJob != null) {
        return mailJob;
      }
      var due = management.createJobQuery().executable().active().listPage(0, 1);
      assertThat(due).as("the jobs before the reminder").isNotEmpty();
      management.executeJob(due.get(0).getId());
    }
    throw new IllegalStateException("no reminder job");
  }

  private Map<String, Object> reminderRow() {
    var row = jdbc.queryForMap("select notification_key, status, attempts, last_error, sent_at from cf_notification"
        + " where campaign_id = ? and organisation_id = ? and kind = 'reminder'", campaign.campaignId(), CELL);
    var upper = new HashMap<String, Object>();
    row.forEach((column, value) -> upper.put(column.toUpperCase(), value instanceof Number n ? n.intValue() : value));
    return upper;
  }

  private List<Incident> incidents() {
    return engine.getRuntimeService().createIncidentQuery().processInstanceId(campaign.watch(CELL).getId())
        .incidentType(UndeliverableMail.INCIDENT_TYPE).list();
  }

  /** Written outside a transaction, so nothing delivers it at a commit: as if its node stopped right then. */
  private String writtenWithoutDelivery(String subject) {
    var notification = notification(subject);
    notifications.enqueue(notification, null);
    return notification.key();
  }

  private Notification notification(String subject) {
    return new Notification("outbox-test:" + UUID.randomUUID(), campaign.campaignId(), CELL, "outbox-test",
        List.of(OFFICER), "[CongressFlow] " + subject, "Kính gửi đồng chí,\n\n" + subject + ".\n");
  }

  private static <T> List<T> bothAtOnce(Callable<T> first, Callable<T> second) throws Exception {
    var start = new CyclicBarrier(2);
    var threads = Executors.newFixedThreadPool(2);
    try {
      var a = threads.submit(() -> { start.await(); return first.call(); });
      var b = threads.submit(() -> { start.await(); return second.call(); });
      return List.of(a.get(), b.get());
    } finally {
      threads.shutdown();
    }
  }

  private static void later(Duration duration) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
  }

  private static List<MimeMessage> mailsTo(String address) {
    return TestSmtp.received().stream().filter(message -> {
      try {
        return Arrays.stream(message.getRecipients(RecipientType.TO)).anyMatch(to -> to.toString().equals(address));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }
}
