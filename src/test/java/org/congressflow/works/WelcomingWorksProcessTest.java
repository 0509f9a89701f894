package org.congressflow.works;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.congressflow.support.CampaignBuilder.aCampaign;
import static org.congressflow.works.WorksDriver.work;
import static org.congressflow.works.WorksDriver.works;

import org.congressflow.decision.Decision;
import org.congressflow.decision.DecisionRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.congressflow.campaign.CampaignDefinition.Deadlines;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.campaign.DueDates;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@CongressFlowTest
class WelcomingWorksProcessTest {

  private static final LocalDate BASE_DUE = LocalDate.of(2020, 6, 30);

  @Autowired ProcessEngine engine;
  @Autowired DecisionRecord decisions;
  @Autowired org.congressflow.campaign.Milestones milestones;
  @Autowired CampaignLauncher launcher;
  @Autowired WelcomingWorks welcomingWorks;
  CampaignDriver campaign;
  WorksDriver works;

  @BeforeEach
  void launch() {
    AbstractAssertions.init(engine);
    at(LocalDate.of(2019, 11, 25));
    campaign = CampaignDriver.launch(engine, launcher, aCampaign().withBaseCommittee("khanh-an").withCells(1)
        .withBaseCell("truong-thpt").withKind("school").build());
    works = new WorksDriver(engine, campaign);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aCommuneRegistersTwoWorksThatAreApprovedCompletedAndCommended() {
    var instance = works.start("khanh-an");
    var register = campaign.task("khanh-an", "RegisterWorks");
    assertThat(register).hasCandidateGroup(campaign.groups().staff("khanh-an"));
    assertThat(register.getDueDate()).isEqualTo(DueDates.endOf(LocalDate.of(2019, 12, 20)));

    works.register("khanh-an", List.of(work("Nhà văn hóa thôn 1", "own", LocalDate.of(2020, 5, 1)),
        work("Đường giao thông liên xóm", "district", LocalDate.of(2020, 7, 1))));
    assertThat(instance).isWaitingAt("ApproveWorksList");
    assertThat(campaign.task("khanh-an", "ApproveWorksList")).hasCandidateGroup(campaign.groups().standingCommittee());
    campaign.approve("khanh-an", "ApproveWorksList");

    var ids = welcomingWorks.ids(campaign.campaignId(), "khanh-an");
    assertThat(ids).hasSize(2);
    assertThat(instance).isWaitingAt("TrackWorks");
    var first = welcomingWorks.work(ids.get(0));
    assertThat(first.dueDate()).as("own base congress").isEqualTo(BASE_DUE);
    assertThat(welcomingWorks.work(ids.get(1)).dueDate()).as("district congress").isEqualTo(LocalDate.of(2020, 8, 14));
    var progress = works.workTask(ids.get(0), "ReportWorkProgress");
    assertThat(progress).hasCandidateGroup(campaign.groups().staff("khanh-an"));
    assertThat(progress.getDueDate()).isEqualTo(DueDates.endOf(BASE_DUE));
    assertThat(progress.getFollowUpDate()).as("warned 14 days before")
        .isEqualTo(java.util.Date.from(LocalDate.of(2020, 6, 16).atStartOfDay(DueDates.ZONE).toInstant()));

    at(LocalDate.of(2020, 3, 1));
    works.reportProgress(ids.get(0), 40, false);
    assertThat(welcomingWorks.work(ids.get(0)).progressPercent()).isEqualTo(40);
    at(LocalDate.of(2020, 4, 28));
    works.completeWork(ids.get(0), LocalDate.of(2020, 4, 28));
    works.completeWork(ids.get(1), LocalDate.of(2020, 4, 28));
    assertThat(welcomingWorks.work(ids.get(0)).status()).isEqualTo(WelcomingWorks.COMPLETED);

    assertThat(instance).as("commended at the end of the campaign").isWaitingAt("CongressesCompleted");
    milestones.reach(campaign.campaignId(), "CongressesCompleted");
    assertThat(instance).isWaitingAt("CommendWorks");
    var commend = campaign.task("khanh-an", "CommendWorks");
    assertThat(commend).hasCandidateGroup(campaign.groups().standingCommittee());
    assertThat(commend.getDescription()).contains("2 công trình", "Nhà văn hóa thôn 1 (Thôn 1, 1.500.000.000 đồng): "
        + "hoàn thành ngày 28/04/2020, đã khánh thành");
    campaign.complete(commend, Map.of("commended", true, "commendation", "Giấy khen của Ban Thường vụ Huyện ủy"));

    assertThat(instance).isEnded();
    assertThat(welcomingWorks.ofOrganisation(campaign.campaignId(), "khanh-an"))
        .extracting(WelcomingWorks.Work::commendation).containsOnly("Giấy khen của Ban Thường vụ Huyện ủy");
  }

  @Test
  void aCommuneWithOneWorkIsRefusedWithTheRuleAndTheShortfall() {
    var instance = works.start("khanh-an");
    works.register("khanh-an", works(1, "own", LocalDate.of(2020, 5, 1)));

    assertThat(instance).isWaitingAt("RegisterWorks");
    assertThat(instance).variables().containsEntry("worksCountAccepted", false).containsEntry("worksRefusal",
        "Danh sách bị từ chối: Đảng bộ xã, thị trấn phải đăng ký ít nhất 2 công trình chào mừng đại hội; "
            + "danh sách có 1 công trình, còn thiếu 1.");
    assertThat(campaign.task("khanh-an", "RegisterWorks").getDescription()).contains("còn thiếu 1");

    works.register("khanh-an", works(2, "own", LocalDate.of(2020, 5, 1)));
    assertThat(instance).isWaitingAt("ApproveWorksList");
    assertThat(instance).variables().containsEntry("worksRefusal", "");
  }

  @Test
  void aSchoolCellWithThreeWorksIsRefusedAndWithNoneToo() {
    var instance = works.start("truong-thpt");
    works.register("truong-thpt", works(3, "own", LocalDate.of(2020, 5, 1)));
    assertThat(instance).isWaitingAt("RegisterWorks");
    assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), "worksRefusal")).endsWith("thừa 1.");

    works.register("truong-thpt", List.of());
    assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), "worksRefusal")).endsWith("còn thiếu 1.");

    works.register("truong-thpt", works(1, "own", LocalDate.of(2020, 5, 1)));
    assertThat(instance).isWaitingAt("ApproveWorksList");
  }

  @Test
  void theSuperiorSendsTheListBackAndTheOrganisationRegistersAgain() {
    var instance = works.start("khanh-an");
    works.register("khanh-an", works(2, "own", LocalDate.of(2020, 5, 1)));
    campaign.sendBack("khanh-an", "ApproveWorksList", "Công trình số 2 trùng với dự án của huyện");

    assertThat(instance).isWaitingAt("RegisterWorks");
    works.register("khanh-an", List.of(work("Nhà văn hóa thôn 1", "own", LocalDate.of(2020, 5, 1)),
        work("Trạm y tế xã", "own", LocalDate.of(2020, 6, 1))));
    campaign.approve("khanh-an", "ApproveWorksList");

    assertThat(instance).isWaitingAt("TrackWorks");
    assertThat(welcomingWorks.ofOrganisation(campaign.campaignId(), "khanh-an")).extracting(WelcomingWorks.Work::name)
        .containsExactly("Nhà văn hóa thôn 1", "Trạm y tế xã");
    assertThat(decisions.ofProcess(instance.getId())).extracting(Decision::step, Decision::decision, Decision::comment)
        .containsExactly(tuple("ApproveWorksList", "sendBack", "Công trình số 2 trùng với dự án của huyện"),
            tuple("ApproveWorksList", "approve", "Đồng ý"));
  }

  @Test
  void badRowsAreRefusedWithEveryProblemAndTheTaskStaysOpen() {
    var instance = works.start("khanh-an");
    var late = work("Cầu Khánh An", "own", LocalDate.of(2020, 7, 15));
    var empty = work("", "own", LocalDate.of(2020, 5, 1));
    empty.put("estimatedValue", "nhiều");
    empty.put("welcomes", "");
    var task = campaign.task("khanh-an", "RegisterWorks");

    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), WorksDriver.worksVariable(List.of(late, empty))))
        .hasMessageContaining("Công trình 1: ngày dự kiến hoàn thành 2020-07-15 sau hạn đại hội của tổ chức cơ sở (2020-06-30)")
        .hasMessageContaining("Công trình 2: chưa nhập tên công trình")
        .hasMessageContaining("giá trị dự kiến: 'nhiều' không phải là số")
        .hasMessageContaining("chưa chọn đại hội được chào mừng");
    assertThat(instance).isWaitingAt("RegisterWorks");
  }

  @Test
  void theOrganisationIsWarnedBeforeTheCongressAndAnUnfinishedWorkIsFlaggedForTheOrganisationBoard() throws Exception {
    campaign.givenUser("works-an-officer", campaign.groups().staff("khanh-an"));
    campaign.givenUser("works-board-officer", campaign.groups().organisationBoard());
    org.congressflow.support.TestSmtp.start();
    org.congressflow.support.TestSmtp.clear();
    var instance = works.start("khanh-an");
    works.register("khanh-an", works(2, "own", LocalDate.of(2020, 6, 20)));
    campaign.approve("khanh-an", "ApproveWorksList");
    var ids = welcomingWorks.ids(campaign.campaignId(), "khanh-an");
    works.completeWork(ids.get(1), LocalDate.of(2019, 11, 25));
    long late = ids.get(0);

    at(LocalDate.of(2020, 6, 15));
    campaign.runJobs();
    assertThat(welcomingWorks.work(late).warned()).isFalse();
    at(LocalDate.of(2020, 6, 16));
    campaign.runJobs();
    var progress = works.workTask(late, "ReportWorkProgress");
    assertThat(welcomingWorks.work(late).warned()).isTrue();
    assertThat(org.congressflow.support.TestSmtp.subjects()).as("the organisation is told by e-mail too")
        .filteredOn(subject -> subject.contains("công trình chào mừng")).containsExactly("[CongressFlow] Sắp đến hạn công trình chào mừng: Công trình số 1 - Đảng bộ khanh-an");
    assertThat(progress.getDescription()).startsWith("Sắp đến hạn: công trình \"Công trình số 1\" phải hoàn thành "
        + "trước đại hội của tổ chức cơ sở (hạn 30/06/2020).");
    assertThat(progress.getPriority()).isEqualTo(WarnWorkDueSoon.WARNED_PRIORITY);

    at(LocalDate.of(2020, 7, 1));
    campaign.runJobs();
    var work = works.workProcess(late);
    assertThat(work).hasPassed("FlagOverdueWork");
    assertThat(work).variables().containsEntry("workOverdue", true);
    assertThat(welcomingWorks.work(late).status()).isEqualTo(WelcomingWorks.OVERDUE);
    assertThat(org.congressflow.support.TestSmtp.subjects()).as("escalated to the superior's organisation board")
        .contains("[CongressFlow] Công trình chào mừng quá hạn: Công trình số 1 - Đảng bộ khanh-an");
    var review = works.workTask(late, "ReviewOverdueWork");
    assertThat(review).hasCandidateGroup(campaign.groups().organisationBoard());
    assertThatThrownBy(() -> engine.getTaskService().complete(review.getId(), Map.of()))
        .hasMessageContaining("Chưa nhập ý kiến chỉ đạo, xử lý");
    campaign.complete(review, Map.of("overdueReviewComment", "Đôn đốc hoàn thành trong tháng 7"));

    assertThat(work).isWaitingAt("ReportWorkProgress");
    at(LocalDate.of(2020, 7, 10));
    works.completeWork(late, LocalDate.of(2020, 7, 10));
    assertThat(work).isEnded();
    var done = welcomingWorks.work(late);
    assertThat(done.status()).isEqualTo(WelcomingWorks.COMPLETED);
    assertThat(done.flaggedOverdue()).as("the flag stays for the dashboard").isTrue();
    milestones.reach(campaign.campaignId(), "CongressesCompleted");
    assertThat(instance).isWaitingAt("CommendWorks");
    assertThat(campaign.task("khanh-an", "CommendWorks").getDescription()).contains("hoàn thành ngày 10/07/2020, đã khánh thành (quá hạn)");
  }

  @Test
  void aWorkCompletedInTimeStopsItsTimers() {
    works.start("truong-thpt");
    works.register("truong-thpt", works(1, "own", LocalDate.of(2020, 5, 1)));
    campaign.approve("truong-thpt", "ApproveWorksList");
    long id = welcomingWorks.ids(campaign.campaignId(), "truong-thpt").get(0);
    var work = works.workProcess(id);
    works.reportProgress(id, 100, true);
    var completion = works.workTask(id, "ReportWorkCompletion");
    assertThatThrownBy(() -> engine.getTaskService().complete(completion.getId(),
        Map.of("completedOn", "2020-05-01", "completionKind", "ribbon")))
        .hasMessageContaining("Hình thức phải là một trong \"Khánh thành\", \"Gắn biển công trình\", không phải 'ribbon'");
    assertThatThrownBy(() -> engine.getTaskService().complete(completion.getId(),
        Map.of("completedOn", "2020-05-01", "completionKind", "plaque")))
        .hasMessageContaining("Ngày hoàn thành 2020-05-01 chưa đến");
    works.reportCompletion(id, LocalDate.of(2019, 11, 25), "plaque");

    assertThat(work).isEnded();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(work.getId()).count()).isZero();
    assertThat(welcomingWorks.work(id).completionKind()).isEqualTo("plaque");
  }

  @Test
  void theDistrictRegistersOneWorkForTheProvincialCongressAndTwoForItsOwn() {
    String district = "huyen-" + campaign.campaignId();
    var instance = works.start(district);
    works.register(district, List.of(work("Tượng đài", "provincial", LocalDate.of(2020, 9, 1)),
        work("Trung tâm hành chính", "own", LocalDate.of(2020, 8, 1))));
    assertThat(instance).isWaitingAt("RegisterWorks");
    assertThat(instance).variables().containsEntry("worksRefusal", "Danh sách bị từ chối: Huyện ủy đăng ký 2 công "
        + "trình chào mừng Đại hội Đảng bộ huyện; danh sách có 1, còn thiếu 1.");

    works.register(district, List.of(work("Tượng đài", "provincial", LocalDate.of(2020, 9, 1)),
        work("Trung tâm hành chính", "own", LocalDate.of(2020, 8, 1)),
        work("Đường 481", "district", LocalDate.of(2020, 8, 1))));
    assertThat(instance).isWaitingAt("ApproveWorksList");
    assertThat(campaign.task(district, "ApproveWorksList")).as("the province approves the district's list")
        .hasCandidateGroup(campaign.groups().provinceLiaison());
    campaign.approve(district, "ApproveWorksList");
    assertThat(welcomingWorks.ofOrganisation(campaign.campaignId(), district)).extracting(WelcomingWorks.Work::welcomes)
        .containsExactly("provincial", "district", "district");
    assertThat(welcomingWorks.ofOrganisation(campaign.campaignId(), district).get(0).dueDate())
        .as("no provincial congress in the file: 61 days after the district's").isEqualTo(LocalDate.of(2020, 10, 14));
  }

  @Test
  void theProvincialCongressDateOfTheCampaignFileIsTheDueDateOfTheWorksWelcomingIt() {
    var other = CampaignDriver.launch(engine, launcher,
        aCampaign().withDeadlines(seedDeadlinesWithProvincialCongress(LocalDate.of(2020, 11, 20))).build());
    var otherWorks = new WorksDriver(engine, other);
    String district = "huyen-" + other.campaignId();
    var instance = otherWorks.start(district);
    assertThat(instance).variables().containsEntry("provincialCongressDue", DueDates.endOf(LocalDate.of(2020, 11, 20)));

    otherWorks.register(district, List.of(work("Tượng đài", "provincial", LocalDate.of(2020, 10, 1)),
        work("Trung tâm hành chính", "own", LocalDate.of(2020, 8, 1)),
        work("Đường 481", "district", LocalDate.of(2020, 8, 1))));
    other.approve(district, "ApproveWorksList");
    assertThat(welcomingWorks.ofOrganisation(other.campaignId(), district).get(0).dueDate())
        .isEqualTo(LocalDate.of(2020, 11, 20));
  }

  /** The seed's deadlines with another provincial congress date. */
  private static Deadlines seedDeadlinesWithProvincialCongress(LocalDate provincialCongress) {
    var seed = aCampaign().build().deadlines();
    return new Deadlines(seed.planIssued(), seed.cellCongresses(),
        seed.pilotCongress(), seed.pilotLessons(), seed.baseCongresses(), seed.districtCongress(), provincialCongress);
  }

  @Test
  void anOfficerOfTheOrganisationRegistersWithoutAnyRightOnTheDecisionTable() {
    var instance = works.start("khanh-an");
    var task = campaign.task("khanh-an", "RegisterWorks");
    var identity = engine.getIdentityService();
    CampaignDriver.authenticate(engine, "khanh-an-officer", List.of(campaign.groups().staff("khanh-an")));
    try {
      engine.getTaskService().complete(task.getId(), WorksDriver.worksVariable(works(2, "own", LocalDate.of(2020, 5, 1))));
    } finally {
      identity.clearAuthentication();
    }
    assertThat(instance).isWaitingAt("ApproveWorksList");
  }

  private static void at(LocalDate day) {
    ClockUtil.setCurrentTime(CampaignDriver.at(day));
  }
}
