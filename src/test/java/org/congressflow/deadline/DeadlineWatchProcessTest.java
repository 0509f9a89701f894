package org.congressflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.congressflow.support.CampaignBuilder.aCampaign;

import org.congressflow.decision.Decision;
import org.congressflow.decision.DecisionRecord;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.congressflow.campaign.CampaignDefinition.DeadlinePolicy;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.campaign.DueDates;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowTest;
import org.congressflow.support.TestSmtp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deadlines that enforce themselves: reminders, escalation with the superior's decision, overdue gates. How their
 * e-mails get through SMTP outages and crashes: MailOutboxProcessTest.
 */
@CongressFlowTest
class DeadlineWatchProcessTest {

  private static final String LATE = "khanh-an-cb-01";
  private static final String PUNCTUAL = "khanh-an-cb-02";

  @Autowired ProcessEngine engine;
  @Autowired DecisionRecord decisions;
  @Autowired CampaignLauncher launcher;
  @Autowired Notifications notifications;
  CampaignDriver campaign;

  @BeforeEach
  void launch() throws Exception {
    AbstractAssertions.init(engine);
    TestSmtp.start();
    TestSmtp.clear();
    campaign = CampaignDriver.launch(engine, launcher, aCampaign().withBaseCommittee("khanh-an").withCells(2).build());
    campaign.givenUser("an01-officer", campaign.groups().staff("khanh-an-cb-01"));
    campaign.givenUser("an01-secretary", campaign.groups().leaders("khanh-an-cb-01"));
    campaign.givenUser("an02-officer", campaign.groups().staff("khanh-an-cb-02"));
    campaign.givenUser("an-secretary", campaign.groups().leaders("khanh-an"));
    campaign.givenUser("board-officer", campaign.groups().organisationBoard());
    campaign.givenUser("standing-member", campaign.groups().standingCommittee());
  }

  @Test
  void lateCellIsRemindedTwiceThenEscalatedOnceToItsBaseCommitteeLeaders() throws Exception {
    campaign.moveTo(LocalDate.of(2020, 3, 1));
    campaign.runCellCongress(PUNCTUAL, LocalDate.of(2020, 3, 1));

    campaign.moveTo(LocalDate.of(2020, 3, 16));
    assertThat(mailsAbout("Chi bộ số 1")).isEmpty();

    campaign.moveTo(LocalDate.of(2020, 3, 17));
    var reminders = mailsAbout("Chi bộ số 1");
    assertThat(reminders).hasSize(1);
    assertThat(reminders.get(0).getSubject()).isEqualTo(
        "[CongressFlow] Nhắc hạn: Chi bộ số 1 - Đảng bộ khanh-an - còn 14 ngày (hạn 31/03/2020)");
    assertThat(to(reminders.get(0))).containsExactlyInAnyOrder(
        "an01-officer@test.congressflow.vn", "an01-secretary@test.congressflow.vn");
    assertThat((String) reminders.get(0).getContent()).contains("Đang ở bước: \"Xây dựng kế hoạch đại hội chi bộ\"");

    campaign.moveTo(LocalDate.of(2020, 3, 28));
    assertThat(mailsAbout("Chi bộ số 1")).extracting(MimeMessage::getSubject)
        .last().asString().contains("còn 3 ngày");

    campaign.moveTo(LocalDate.of(2020, 4, 1));
    var escalation = campaign.task(LATE, "HandleMissedDeadline");
    assertThat(escalation).hasCandidateGroup(campaign.groups().leaders("khanh-an"));
    assertThat(engine.getRuntimeService().getVariable(campaign.congress(LATE).getId(), "overdue")).isEqualTo(true);
    var escalationMails = mailsTo("an-secretary@test.congressflow.vn");
    assertThat(escalationMails).hasSize(1);
    assertThat(escalationMails.get(0).getSubject())
        .isEqualTo("[CongressFlow] Quá hạn 1 ngày: Chi bộ số 1 - Đảng bộ khanh-an");
    assertThat((String) escalationMails.get(0).getContent())
        .contains("quá hạn 1 ngày (hạn 31/03/2020)")
        .contains("Đang dừng ở bước: \"Xây dựng kế hoạch đại hội chi bộ\" từ ngày 20/11/2019")
        .contains("?task=" + escalation.getId());

    campaign.runJobs();
    campaign.moveTo(LocalDate.of(2020, 4, 1));
    assertThat(mailsTo("an-secretary@test.congressflow.vn")).as("exactly once per deadline").hasSize(1);
    assertThat(campaign.openTasks(LATE)).filteredOn(t -> t.getTaskDefinitionKey().equals("HandleMissedDeadline")).hasSize(1);
    assertThat(mailsTo("an02-officer@test.congressflow.vn")).as("nothing for the punctual cell").isEmpty();
    assertThat(notifications.count(campaign.campaignId(), PUNCTUAL, "reminder")).isZero();

    campaign.moveTo(LocalDate.of(2020, 4, 8));
    assertThat(mailsTo("an-secretary@test.congressflow.vn")).extracting(MimeMessage::getSubject)
        .containsExactly("[CongressFlow] Quá hạn 1 ngày: Chi bộ số 1 - Đảng bộ khanh-an",
            "[CongressFlow] Nhắc lại: Quá hạn 8 ngày: Chi bộ số 1 - Đảng bộ khanh-an");
  }

  @Test
  void extendingTheDeadlineMovesTheTasksAndRearmsTheWatch() throws Exception {
    campaign.moveTo(LocalDate.of(2020, 4, 1));
    var congress = campaign.congress(LATE);
    campaign.complete(campaign.task(LATE, "HandleMissedDeadline"), Map.of("escalationDecision", "extend",
        "newDeadline", DueDates.endOf(LocalDate.of(2020, 4, 30)), "reason", "Giãn cách xã hội phòng chống COVID-19"));

    assertThat(congress).isWaitingAt("PrepareCongressPlan", "WatchDeadline");
    assertThat(campaign.watch(LATE)).isWaitingAt("NextAlarm");
    assertThat(engine.getRuntimeService().getVariable(congress.getId(), "overdue")).isEqualTo(false);
    assertThat(campaign.task(LATE, "PrepareCongressPlan").getDueDate()).isEqualTo(DueDates.endOf(LocalDate.of(2020, 4, 30)));
    var decision = decisions.ofProcess(congress.getId()).get(0);
    assertThat(decision.decision()).isEqualTo("extend");
    assertThat(decision.newDeadline()).isEqualTo(LocalDate.of(2020, 4, 30));
    assertThat(decision.comment()).isEqualTo("Giãn cách xã hội phòng chống COVID-19");

    TestSmtp.clear();
    campaign.moveTo(LocalDate.of(2020, 4, 16));
    assertThat(mailsAbout("Chi bộ số 1")).extracting(MimeMessage::getSubject)
        .containsExactly("[CongressFlow] Nhắc hạn: Chi bộ số 1 - Đảng bộ khanh-an - còn 14 ngày (hạn 30/04/2020)");
    campaign.moveTo(LocalDate.of(2020, 4, 30));
    assertThat(campaign.openTasks(LATE)).noneMatch(t -> t.getTaskDefinitionKey().equals("HandleMissedDeadline"));

    campaign.moveTo(LocalDate.of(2020, 5, 1));
    assertThat(campaign.task(LATE, "HandleMissedDeadline")).isNotNull();
  }

  @Test
  void aDirectingMemberIsAssignedAndTheEscalationComesBackIfStillLate() throws Exception {
    campaign.moveTo(LocalDate.of(2020, 4, 1));
    campaign.complete(campaign.task(LATE, "HandleMissedDeadline"), Map.of("escalationDecision", "assignDirector",
        "directingMember", "Đồng chí Phạm Văn Hùng, Ủy viên Ban Thường vụ", "reason", "Chi bộ thiếu nhân sự"));
    assertThat(campaign.openTasks(LATE)).noneMatch(t -> t.getTaskDefinitionKey().equals("HandleMissedDeadline"));

    campaign.moveTo(LocalDate.of(2020, 4, 8));

    assertThat(campaign.task(LATE, "HandleMissedDeadline")).isNotNull();
    assertThat(decisions.ofProcess(campaign.congress(LATE).getId()).get(0).directingMember())
        .isEqualTo("Đồng chí Phạm Văn Hùng, Ủy viên Ban Thường vụ");
  }

  @Test
  void raisedEscalationGoesToTheStandingCommitteeWhichExtends() {
    campaign.moveTo(LocalDate.of(2020, 4, 1));
    campaign.complete(campaign.task(LATE, "HandleMissedDeadline"),
        Map.of("escalationDecision", "raise", "reason", "Chi bộ không trả lời"));
    var decide = campaign.task(LATE, "DecideMissedDeadline");
    assertThat(decide).hasCandidateGroup(campaign.groups().leaders("khanh-an"));

    campaign.complete(decide, Map.of("escalationDecision", "extend",
        "newDeadline", "2020-04-15", "reason", "Ban Thường vụ đồng ý gia hạn"));

    assertThat(campaign.task(LATE, "PrepareCongressPlan").getDueDate()).isEqualTo(DueDates.endOf(LocalDate.of(2020, 4, 15)));
  }

  @Test
  void anEscalationDecisionWithoutWhatItNeedsIsRefused() {
    campaign.moveTo(LocalDate.of(2020, 4, 1));
    var task = campaign.task(LATE, "HandleMissedDeadline");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(),
            Map.of("escalationDecision", "extend", "reason", "x", "newDeadline", DueDates.endOf(LocalDate.of(2020, 3, 1)))))
        .hasMessageContaining("Gia hạn cần ngày hạn mới sau hôm nay");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(),
            Map.of("escalationDecision", "assignDirector", "reason", "x")))
        .hasMessageContaining("Phân công chỉ đạo cần họ tên đồng chí chỉ đạo");
  }

  @Test
  void overdueGateIsReportedToItsDecidersUntilDecided() throws Exception {
    campaign.moveTo(LocalDate.of(2020, 2, 1));
    campaign.complete("khanh-an", "PrepareCongressPlan");
    campaign.complete("khanh-an", "DraftPoliticalReport");
    campaign.complete("khanh-an", "CollectDocumentOpinions");
    assertThat(campaign.task("khanh-an", "ApproveDocuments").getDueDate())
        .isEqualTo(DueDates.endOf(LocalDate.of(2020, 2, 11)));

    campaign.moveTo(LocalDate.of(2020, 2, 11));
    assertThat(mailsTo("standing-member@test.congressflow.vn")).isEmpty();
    campaign.moveTo(LocalDate.of(2020, 2, 12));
    assertThat(mailsTo("standing-member@test.congressflow.vn")).extracting(MimeMessage::getSubject)
        .containsExactly("[CongressFlow] Quá hạn phê duyệt: Cho ý kiến văn kiện đại hội - Đảng bộ khanh-an");
    assertThat(mailsTo("board-officer@test.congressflow.vn")).hasSize(1);
    campaign.moveTo(LocalDate.of(2020, 2, 19));
    assertThat(mailsTo("standing-member@test.congressflow.vn")).hasSize(2);

    campaign.approve("khanh-an", "ApproveDocuments");
    campaign.moveTo(LocalDate.of(2020, 2, 27));
    assertThat(mailsTo("standing-member@test.congressflow.vn")).hasSize(2);
  }

  @Test
  void aGateWithoutItsOwnEntryIsDueTheCampaignsDefaultGateDays() throws Exception {
    var policy = new DeadlinePolicy(List.of(14, 3), 7, false, List.of(), Map.of("ApprovePersonnelPlan", 6), 4);
    var shortGates = CampaignDriver.launch(engine, launcher,
        aCampaign().withBaseCommittee("khanh-an").withCells(1).withPolicy(policy).build());
    shortGates.givenUser("standing-member", shortGates.groups().standingCommittee()); // this campaign's, too
    shortGates.moveTo(LocalDate.of(2020, 2, 1));
    shortGates.complete("khanh-an", "PrepareCongressPlan");
    shortGates.complete("khanh-an", "DraftPoliticalReport");
    shortGates.complete("khanh-an", "CollectDocumentOpinions");
    assertThat(shortGates.task("khanh-an", "ApproveDocuments").getDueDate())
        .isEqualTo(DueDates.endOf(LocalDate.of(2020, 2, 5)));

    shortGates.moveTo(LocalDate.of(2020, 2, 5));
    assertThat(mailsTo("standing-member@test.congressflow.vn")).isEmpty();
    shortGates.moveTo(LocalDate.of(2020, 2, 6));
    assertThat(mailsTo("standing-member@test.congressflow.vn")).as("overdue the day after the default 4 days")
        .hasSize(1);
    shortGates.approve("khanh-an", "ApproveDocuments");
    shortGates.introduceNominees("khanh-an");
    shortGates.complete("khanh-an", "PreparePersonnelPlan");
    shortGates.complete("khanh-an", "AppraisePersonnel");
    shortGates.complete("khanh-an", "VerifyPersonnel");
    assertThat(shortGates.task("khanh-an", "ApprovePersonnelPlan").getDueDate()).as("its own entry")
        .isEqualTo(DueDates.endOf(LocalDate.of(2020, 2, 12)));
  }

  private List<MimeMessage> mailsAbout(String organisation) throws Exception {
    return TestSmtp.received().stream().filter(m -> subject(m).contains(organisation)).toList();
  }

  private List<MimeMessage> mailsTo(String address) {
    return TestSmtp.received().stream().filter(m -> to(m).contains(address)).toList();
  }

  private static List<String> to(MimeMessage message) {
    try {
      return Arrays.stream(message.getRecipients(RecipientType.TO)).map(Object::toString).toList();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
