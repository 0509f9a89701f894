package org.congressflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.congressflow.support.CampaignBuilder.aCampaign;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import java.time.LocalDate;
import org.congressflow.campaign.CampaignDefinition.QualityReview;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.campaign.DueDates;
import org.congressflow.form.FormValues;
import org.congressflow.review.ReviewResults.LevelCount;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@CongressFlowTest
class QualityReviewProcessTest {

  private static final String ORG = "khanh-an";

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  @Autowired ReviewResults results;
  CampaignDriver campaign;
  ProcessInstance review;

  @BeforeEach
  void launch() {
    AbstractAssertions.init(engine);
    campaign = CampaignDriver.launch(engine, launcher, aCampaign().withBaseCommittee(ORG).withCells(1).build());
    review = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("quality-review")
        .processInstanceBusinessKey(ORG).variableValueEquals("campaignId", campaign.campaignId()).singleResult();
  }

  /** Twelve members: the secretary (a leader), ten others, one disciplined in the year. */
  private static List<Map<String, Object>> members() {
    var members = new ArrayList<Map<String, Object>>();
    members.add(member("Nguyễn Văn Thành", 1968, "Bí thư Đảng ủy"));
    for (int i = 1; i <= 10; i++) {
      members.add(member("Đảng viên " + i, 1970 + i, "Đảng viên"));
    }
    members.add(member("Lê Văn Kỷ", 1975, "Đảng viên"));
    return members;
  }

  private static Map<String, Object> member(String name, int birthYear, String position) {
    var member = new HashMap<String, Object>();
    member.put("name", name);
    member.put("birthYear", birthYear);
    member.put("position", position);
    member.put("cell", "Chi bộ xóm 1");
    return member;
  }

  private static Object json(Object value) {
    return SpinValues.jsonValue(FormValues.JSON.valueToTree(value).toString()).create();
  }

  /** Every member's row with one field set: the secretary and the first two excellent/good as given, others good. */
  private static List<Map<String, Object>> withLevels(String field, String secretary, int excellent, String rest) {
    var rows = members();
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i).put(field, i == 0 ? secretary : i <= excellent ? "excellent" : rest);
    }
    rows.get(rows.size() - 1).put(field, "complete");
    rows.get(rows.size() - 1).put("disciplined", true);
    return rows;
  }

  private void reviewUntilProposal() {
    campaign.complete(campaign.task(ORG, "EnterMembers"), Map.of("members", json(members())));
    campaign.complete(campaign.task(ORG, "SelfReview"),
        Map.of("organisationSelfLevel", "good", "members", json(withLevels("selfLevel", "good", 2, "good"))));
    campaign.complete(campaign.task(ORG, "CollectReviewOpinions"), Map.of("reviewOpinions", "Mặt trận xã: đồng ý"));
    campaign.complete(campaign.task(ORG, "HoldReviewMeeting"),
        Map.of("meetingDate", "2019-12-10", "meetingMinutes", "Biên bản họp kiểm điểm"));
  }

  private void propose(String organisationLevel, String secretary, int excellent) {
    campaign.complete(campaign.task(ORG, "ProposeLevels"), Map.of("proposedOrganisationLevel", organisationLevel,
        "members", json(withLevels("proposedLevel", secretary, excellent, "good"))));
  }

  @Test
  void anOrganisationIsReviewedFromSelfReviewToPublishedResults() {
    assertThat(campaign.task(ORG, "EnterMembers")).hasCandidateGroup(campaign.groups().staff("khanh-an"));
    reviewUntilProposal();
    assertThat(campaign.task(ORG, "ProposeLevels")).hasCandidateGroup(campaign.groups().leaders("khanh-an"));
    propose("good", "good", 1);

    assertThat(review).isWaitingAt("DecideMemberLevels");
    assertThat(campaign.task(ORG, "DecideMemberLevels")).hasCandidateGroup(campaign.groups().leaders("khanh-an"));
    campaign.approve(ORG, "DecideMemberLevels");
    assertThat(campaign.task(ORG, "DecideOrganisationLevel")).hasCandidateGroup(campaign.groups().standingCommittee());
    campaign.approve(ORG, "DecideOrganisationLevel");
    assertThat(results.published(campaign.campaignId(), ORG, 2019)).isFalse();
    campaign.complete(campaign.task(ORG, "PublishReviewResults"), Map.of("publishedOn", "2020-01-20"));

    assertThat(review).isEnded();
    assertThat(results.published(campaign.campaignId(), ORG, 2019)).isTrue();
    assertThat(results.levelCounts(campaign.campaignId(), 2019)).containsExactly(
        new LevelCount(ORG, "member", "complete", 1),
        new LevelCount(ORG, "member", "excellent", 1),
        new LevelCount(ORG, "member", "good", 10),
        new LevelCount(ORG, "organisation", "good", 1));
    assertThat(results.levelOf(campaign.campaignId(), ORG, 2019, "Nguyễn Văn Thành")).isEqualTo("good");
  }

  @Test
  void theYearReviewedAndItsDatesComeFromTheCampaignFile() {
    assertThat(campaign.task(ORG, "EnterMembers").getName()).as("the default: the year the plan is issued")
        .isEqualTo("Lập danh sách đảng viên kiểm điểm năm 2019");
    assertThat(campaign.task(ORG, "EnterMembers").getDueDate()).isEqualTo(DueDates.endOf(LocalDate.of(2019, 12, 15)));

    var other = CampaignDriver.launch(engine, launcher, aCampaign().withBaseCommittee(ORG).withCells(1)
        .withQualityReview(new QualityReview(2024, LocalDate.of(2024, 12, 10), LocalDate.of(2025, 1, 20),
            LocalDate.of(2025, 2, 15))).build());
    var review2024 = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("quality-review")
        .processInstanceBusinessKey(ORG).variableValueEquals("campaignId", other.campaignId()).singleResult();
    assertThat(review2024).variables().containsEntry("reviewYear", 2024);
    var enter = other.task(ORG, "EnterMembers");
    assertThat(enter.getName()).isEqualTo("Lập danh sách đảng viên kiểm điểm năm 2024");
    assertThat(enter.getDueDate()).isEqualTo(DueDates.endOf(LocalDate.of(2024, 12, 10)));

    other.complete(enter, Map.of("members", json(members())));
    other.complete(other.task(ORG, "SelfReview"),
        Map.of("organisationSelfLevel", "good", "members", json(withLevels("selfLevel", "good", 1, "good"))));
    assertThat(other.task(ORG, "CollectReviewOpinions").getDueDate())
        .isEqualTo(DueDates.endOf(LocalDate.of(2024, 12, 10)));
    other.complete(other.task(ORG, "CollectReviewOpinions"), Map.of("reviewOpinions", "Đồng ý"));
    other.complete(other.task(ORG, "HoldReviewMeeting"),
        Map.of("meetingDate", "2024-12-05", "meetingMinutes", "Biên bản họp kiểm điểm"));
    var rows = withLevels("proposedLevel", "good", 1, "good");
    rows.get(rows.size() - 1).put("proposedLevel", "good");
    other.complete(other.task(ORG, "ProposeLevels"),
        Map.of("proposedOrganisationLevel", "good", "members", json(rows)));
    assertThat((String) engine.getRuntimeService().getVariable(review2024.getId(), "levelsRefusal"))
        .as("the decision tables are asked about the file's year").contains("Lê Văn Kỷ: bị kỷ luật trong năm 2024");
    other.complete(other.task(ORG, "ProposeLevels"), Map.of("proposedOrganisationLevel", "good",
        "members", json(withLevels("proposedLevel", "good", 1, "good"))));
    assertThat(other.task(ORG, "DecideMemberLevels").getDueDate()).isEqualTo(DueDates.endOf(LocalDate.of(2025, 1, 20)));
    other.approve(ORG, "DecideMemberLevels");
    other.approve(ORG, "DecideOrganisationLevel");
    var publish = other.task(ORG, "PublishReviewResults");
    assertThat(publish.getName()).isEqualTo("Công bố kết quả xếp loại năm 2024");
    assertThat(publish.getDueDate()).isEqualTo(DueDates.endOf(LocalDate.of(2025, 2, 15)));
    other.complete(publish, Map.of("publishedOn", "2025-02-10"));

    assertThat(results.published(other.campaignId(), ORG, 2024)).isTrue();
    assertThat(results.published(other.campaignId(), ORG, 2019)).isFalse();
  }

  @Test
  void moreExcellentThanTwentyPercentOfGoodIsSentBackWithTheNumbers() {
    reviewUntilProposal();
    propose("good", "good", 3); // 3 excellent, 8 good

    assertThat(review).isWaitingAt("ProposeLevels");
    assertThat(review).variables().containsEntry("levelsRefusal", "Đề xuất bị từ chối: Số đảng viên xếp loại "
        + "“Hoàn thành xuất sắc nhiệm vụ” (3) vượt quá 20% số đảng viên xếp loại “Hoàn thành tốt nhiệm vụ” (8): "
        + "tối đa 1, thừa 2.");
    assertThat(campaign.task(ORG, "ProposeLevels").getDescription()).contains("tối đa 1, thừa 2");

    propose("good", "good", 2); // 2 excellent, 9 good: still over 20%
    assertThat(review).isWaitingAt("ProposeLevels");
    propose("good", "good", 1);
    assertThat(review).isWaitingAt("DecideMemberLevels");
  }

  @Test
  void aDisciplinedMemberAndTheLeadersOfAFailingOrganisationAreCappedAtComplete() {
    reviewUntilProposal();
    var rows = withLevels("proposedLevel", "good", 0, "good");
    rows.get(rows.size() - 1).put("proposedLevel", "good");
    campaign.complete(campaign.task(ORG, "ProposeLevels"),
        Map.of("proposedOrganisationLevel", "notComplete", "members", json(rows)));

    assertThat(review).isWaitingAt("ProposeLevels");
    String refusal = (String) engine.getRuntimeService().getVariable(review.getId(), "levelsRefusal");
    assertThat(refusal).contains("Nguyễn Văn Thành: là cán bộ lãnh đạo của tổ chức đảng bị xếp loại "
        + "“Không hoàn thành nhiệm vụ”", "Lê Văn Kỷ: bị kỷ luật trong năm 2019");
  }

  @Test
  void eitherDecidingLevelSendsTheProposalBack() {
    reviewUntilProposal();
    propose("good", "good", 1);
    campaign.sendBack(ORG, "DecideMemberLevels", "Xem lại mức của đồng chí Đảng viên 1");
    assertThat(review).isWaitingAt("ProposeLevels");
    propose("good", "good", 1);
    campaign.approve(ORG, "DecideMemberLevels");
    campaign.sendBack(ORG, "DecideOrganisationLevel", "Tổ chức chỉ đạt Hoàn thành nhiệm vụ");
    assertThat(review).isWaitingAt("ProposeLevels");
    propose("complete", "good", 1);
    campaign.approve(ORG, "DecideMemberLevels");
    campaign.approve(ORG, "DecideOrganisationLevel");

    assertThat(review).isWaitingAt("PublishReviewResults");
    assertThat(results.levelOf(campaign.campaignId(), ORG, 2019, "Đảng bộ " + ORG)).isEqualTo("complete");
  }

  @Test
  void aMemberListWithBadRowsIsRefusedWithEveryRowAndNothingIsImported() throws Exception {
    var task = campaign.task(ORG, "EnterMembers");
    var file = Variables.fileValue("dang-vien.xlsx").file(MemberListImportTest.xlsx(new Object[][] {
        {"Họ tên", "Năm sinh", "Chức vụ", "Chi bộ"},
        {"Nguyễn Văn An", 1970, "Bí thư", "Chi bộ xóm 1"},
        {"", 1980, "Đảng viên", "Chi bộ xóm 1"},
        {"Trần Văn Bảo", "abc", "Đảng viên", "Chi bộ xóm 2"}})).create();

    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), Map.of("memberListFile", file)))
        .hasMessageContaining("Danh sách đảng viên có dòng sai, chưa nhập đảng viên nào: "
            + "Dòng 3: chưa có họ tên; Dòng 4: năm sinh 'abc' không phải là số");
    assertThat(review).isWaitingAt("EnterMembers");
    assertThat(engine.getRuntimeService().getVariable(review.getId(), "reviewMembers")).isNull();

    var corrected = Variables.fileValue("dang-vien.xlsx").file(MemberListImportTest.xlsx(new Object[][] {
        {"Họ tên", "Năm sinh", "Chức vụ", "Chi bộ"},
        {"Nguyễn Văn An", 1970, "Bí thư", "Chi bộ xóm 1"},
        {"Trần Văn Bảo", 1981, "Đảng viên", "Chi bộ xóm 2"}})).create();
    campaign.complete(task, Map.of("memberListFile", corrected));
    assertThat(review).isWaitingAt("SelfReview");
    assertThat(review).variables().containsEntry("memberCount", 2);
  }

  @Test
  void aSelfReviewWithoutEveryLevelIsRefused() {
    campaign.complete(campaign.task(ORG, "EnterMembers"), Map.of("members", json(members())));
    var task = campaign.task(ORG, "SelfReview");
    var rows = withLevels("selfLevel", "good", 0, "good");
    rows.get(1).put("selfLevel", "");
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), Map.of("members", json(rows))))
        .hasMessageContaining("Chưa nhập tổ chức tự xếp loại");
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(),
        Map.of("members", json(rows), "organisationSelfLevel", "good")))
        .hasMessageContaining("Đảng viên 1: chưa chọn mức tự xếp loại");
    assertThat(review).isWaitingAt("SelfReview");
  }
}
