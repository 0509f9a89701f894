package org.congressflow.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.congressflow.support.CampaignBuilder.aCampaign;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.form.FormValues;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowTest;
import org.congressflow.support.FormSamples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The five-step introduction of nominees (processes/nominee-introduction.bpmn) as the secretary of Khánh An records
 * it: a meeting counts only with its quorum, and is held again (and kept) without it; a nominee goes on only with
 * more than half of those convened; the list the appraisers and the superior see is the record's.
 */
@CongressFlowTest
class NomineeIntroductionProcessTest {

  private static final String ORG = "khanh-an";

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  @Autowired JdbcTemplate jdbc;
  CampaignDriver campaign;

  @BeforeEach
  void launchAndApproveTheDocuments() {
    AbstractAssertions.init(engine);
    campaign = CampaignDriver.launch(engine, launcher, aCampaign().withBaseCommittee(ORG).withCells(1).build());
    campaign.complete(ORG, "PrepareCongressPlan");
    campaign.complete(ORG, "DraftPoliticalReport");
    campaign.complete(ORG, "CollectDocumentOpinions");
    campaign.approve(ORG, "ApproveDocuments");
  }

  @Test
  void theStepsAreTheLeadersTasksOneAfterTheOtherCalledFromThePersonnelPlan() {
    assertThat(campaign.congress(ORG)).isWaitingAt("IntroduceNominees");
    var step = campaign.task(ORG, "HoldFirstStandingCommitteeMeeting");
    assertThat(step).hasCandidateGroup(campaign.groups().leaders(ORG));
    assertThat(step.getName()).isEqualTo("Bước 1: Họp Ban Thường vụ đề xuất danh sách giới thiệu nhân sự");
    assertThat(step.getDueDate()).as("the congress's deadline")
        .isEqualTo(engine.getRuntimeService().getVariable(campaign.congress(ORG).getId(), "congressDue"));
    for (String next : FormSamples.INTRODUCTION_STEPS) {
      campaign.complete(ORG, next);
    }
    assertThat(campaign.congress(ORG)).isWaitingAt("PreparePersonnelPlan");
  }

  @Test
  void theKeyCadresConferenceIsValidWithTwoThirdsOfThoseSummonedPresentAndHeldAgainWithoutThem() {
    campaign.complete(ORG, "HoldFirstStandingCommitteeMeeting");

    hold("HoldKeyCadresConference", 60, 39, 39);
    var repeated = campaign.task(ORG, "HoldKeyCadresConference");
    assertThat(text(repeated.getProcessInstanceId(), "introductionNotice"))
        .contains("lần 1").contains("có ít nhất 2/3 số người được triệu tập có mặt: có mặt 39/60, cần ít nhất 40")
        .contains("Tổ chức lại hội nghị");
    assertThat(meetings()).containsExactly("1/1 hợp lệ 9/8", "2/1 không hợp lệ 60/39");

    hold("HoldKeyCadresConference", 60, 40, 40);
    assertThat(campaign.task(ORG, "HoldFirstCommitteePlenum")).isNotNull();
    assertThat(meetings()).containsExactly("1/1 hợp lệ 9/8", "2/1 không hợp lệ 60/39", "2/2 hợp lệ 60/40");
    var shown = rows(campaign.task(ORG, "HoldFirstCommitteePlenum").getProcessInstanceId(), "nomineeMeetings");
    assertThat(shown).hasSize(3);
    assertThat(shown.get(1).path("valid").asText()).startsWith("Không hợp lệ, tổ chức lại: Hội nghị cán bộ chủ chốt");
    assertThat(shown.get(1).path("date").asText()).isEqualTo("10/03/2020");
  }

  @Test
  void theOtherMeetingsNeedMoreThanHalfOfThoseConvened() {
    hold("HoldFirstStandingCommitteeMeeting", 10, 5, 5);
    assertThat(text(campaign.task(ORG, "HoldFirstStandingCommitteeMeeting").getProcessInstanceId(),
        "introductionNotice")).contains("có mặt quá nửa số người được triệu tập: có mặt 5/10, cần ít nhất 6");

    hold("HoldFirstStandingCommitteeMeeting", 10, 6, 6);
    assertThat(campaign.task(ORG, "HoldKeyCadresConference")).isNotNull();
    assertThat(meetings()).containsExactly("1/1 không hợp lệ 10/5", "1/2 hợp lệ 10/6");
  }

  @Test
  void aNomineeWithExactlyHalfOfThoseConvenedStopsAndOneVoteMoreGoesOn() {
    var ballots = new ArrayList<Map<String, Object>>();
    ballots.add(Map.of("name", "Phạm Văn Nửa", "reElection", false, "votes", 5));
    ballots.add(Map.of("name", "Lê Thị Hơn", "reElection", false, "votes", 6));
    hold("HoldFirstStandingCommitteeMeeting", 10, 10, ballots);

    var next = campaign.task(ORG, "HoldKeyCadresConference");
    assertThat(rows(next.getProcessInstanceId(), "ballots")).extracting(row -> row.path("name").asText())
        .containsExactly("Lê Thị Hơn");
    assertThat(text(next.getProcessInstanceId(), "introductionNotice"))
        .contains("không đạt trên 50% số người được triệu tập, dừng ở bước này: Phạm Văn Nửa (5/10 phiếu)");
    var votes = rows(next.getProcessInstanceId(), "nomineeVotes");
    assertThat(votes).extracting(row -> row.path("name").asText() + " " + row.path("step1").asText() + " "
        + row.path("result").asText())
        .containsExactly("Phạm Văn Nửa 5/10 (không đạt) Không đạt ở bước 1: Ban Thường vụ", "Lê Thị Hơn 6/10 ");

    assertThatThrownBy(() -> campaign.complete(next, Map.of("convened", 60, "present", 50,
        "ballots", FormSamples.ballots(List.of("Lê Thị Hơn", "Phạm Văn Nửa"), 40))))
        .hasMessageContaining("danh sách phải đúng những người đã đạt ở bước trước; không có ở bước trước: Phạm Văn Nửa");
    assertThat(campaign.task(ORG, "HoldKeyCadresConference")).isNotNull();
  }

  @Test
  void reElectionCandidatesAreHandledBeforeFirstTimers() {
    var ballots = new ArrayList<Map<String, Object>>();
    ballots.add(Map.of("name", "Nguyễn Văn Mới", "reElection", false, "votes", 8));
    ballots.add(Map.of("name", "Trần Thị Cũ", "reElection", true, "votes", 8));
    ballots.add(Map.of("name", "Đỗ Văn Mới Hai", "reElection", false, "votes", 8));
    hold("HoldFirstStandingCommitteeMeeting", 9, 8, ballots);

    var next = campaign.task(ORG, "HoldKeyCadresConference");
    assertThat(rows(next.getProcessInstanceId(), "ballots")).extracting(row -> row.path("name").asText())
        .containsExactly("Trần Thị Cũ", "Nguyễn Văn Mới", "Đỗ Văn Mới Hai");
    assertThat(jdbc.queryForList("select nominee_name from cf_nominee_vote v join cf_nominee_meeting m"
        + " on m.id = v.meeting_id where m.organisation_id = ? and m.campaign_id = ? order by v.position",
        String.class, ORG, campaign.campaignId())).containsExactly("Trần Thị Cũ", "Nguyễn Văn Mới", "Đỗ Văn Mới Hai");
    assertThat(rows(next.getProcessInstanceId(), "nomineeVotes").get(0).path("kind").asText()).isEqualTo("Tái cử");
  }

  @Test
  void aMeetingRecordThatDoesNotAddUpIsRefusedNamingTheFields() {
    var step = campaign.task(ORG, "HoldFirstStandingCommitteeMeeting");
    var ballots = new ArrayList<Map<String, Object>>();
    ballots.add(Map.of("name", "Nguyễn Văn An", "reElection", true, "votes", 17));
    ballots.add(Map.of("name", "nguyễn văn an", "reElection", false, "votes", 3));
    assertThatThrownBy(() -> campaign.complete(step, Map.of("convened", 15, "present", 16, "ballots", json(ballots))))
        .hasMessageContaining("Biên bản \"Bước 1: Họp Ban Thường vụ đề xuất danh sách giới thiệu nhân sự\" chưa hợp lệ")
        .hasMessageContaining("Số người có mặt (16) không được nhiều hơn số người được triệu tập (15)")
        .hasMessageContaining("Nguyễn Văn An: số phiếu giới thiệu (17) nhiều hơn số người có mặt (16)")
        .hasMessageContaining("nguyễn văn an: trùng tên trong danh sách");
    assertThatThrownBy(() -> campaign.complete(step, Map.of("ballots", json(List.of()))))
        .hasMessageContaining("danh sách người được giới thiệu chưa có ai");
    assertThat(meetings()).as("nothing recorded from a refused record").isEmpty();
  }

  @Test
  void aQuorumSetByTheUserDoesNotMakeAMeetingValid() {
    campaign.complete(ORG, "HoldFirstStandingCommitteeMeeting");
    var step = campaign.task(ORG, "HoldKeyCadresConference");
    engine.getTaskService().setVariable(step.getId(), "quorumMet", true);
    hold("HoldKeyCadresConference", 60, 30, 30);
    assertThat(campaign.task(ORG, "HoldKeyCadresConference")).as("held again").isNotNull();
    assertThatThrownBy(() -> campaign.complete(campaign.task(ORG, "HoldKeyCadresConference"),
        Map.of("quorumMet", true, "present", 30)))
        .hasMessageContaining("quorumMet");
  }

  @Test
  void theOutcomeGoesIntoThePersonnelPlanAndIsShownToTheAppraisersAndTheGate() {
    campaign.introduceNominees(ORG);
    var plan = campaign.task(ORG, "PreparePersonnelPlan");
    assertThat(rows(plan.getProcessInstanceId(), "nomineeVotes")).hasSize(18);
    campaign.complete(ORG, "PreparePersonnelPlan");

    var appraise = campaign.task(ORG, "AppraisePersonnel");
    var shown = rows(appraise.getProcessInstanceId(), "nomineeVotes");
    assertThat(shown).hasSize(18);
    assertThat(shown.get(0).path("name").asText()).isEqualTo("Ủy viên tái cử 1");
    assertThat(shown.get(0).path("step2").asText()).isEqualTo("48/60");
    assertThat(shown.get(0).path("step5").asText()).isEqualTo("14/15");
    assertThat(shown.get(17).path("result").asText()).isEqualTo("Được giới thiệu");
    assertThat(engine.getRuntimeService().getVariable(appraise.getProcessInstanceId(), "nomineesCount")).isEqualTo(18);
    campaign.complete(ORG, "AppraisePersonnel");
    campaign.complete(ORG, "VerifyPersonnel");

    var gate = campaign.task(ORG, "ApprovePersonnelPlan");
    var gateVariables = engine.getTaskService().getVariables(gate.getId());
    assertThat(rows(gateVariables.get("nomineeVotes"))).hasSize(18);
    assertThat(gateVariables.get("personnelExceptions")).isEqualTo("Phương án đạt các tiêu chí cơ cấu.");
    var form = engine.getFormService().getTaskFormVariables(gate.getId());
    assertThat(form).containsKey("nomineeVotes");
  }

  @Test
  void thePlanCountsItsNomineesFromTheRecordNotFromAVariableTheUserSets() {
    campaign.introduceNominees(ORG);
    var plan = campaign.task(ORG, "PreparePersonnelPlan");
    engine.getTaskService().setVariable(plan.getId(), "nomineesCount", 16);
    assertThatThrownBy(() -> campaign.complete(plan, Map.of("committeeSizePlanned", 13)))
        .hasMessageContaining("18 người được giới thiệu cho 13 cấp ủy viên cần bầu, dư 5 người, nhiều nhất 3 (thừa 2)");
  }

  private void hold(String step, int convened, int present, int votes) {
    campaign.complete(campaign.task(ORG, step), Map.of("convened", convened, "present", present,
        "ballots", FormSamples.ballots(currentNames(step), votes)));
  }

  private void hold(String step, int convened, int present, List<Map<String, Object>> ballots) {
    campaign.complete(campaign.task(ORG, step), Map.of("convened", convened, "present", present,
        "ballots", json(ballots)));
  }

  private List<String> currentNames(String step) {
    var rows = rows(campaign.task(ORG, step).getProcessInstanceId(), "ballots");
    return rows.isEmpty() ? FormSamples.NOMINEES : rows.stream().map(row -> row.path("name").asText()).toList();
  }

  /** "step/round valid convened/present" of every meeting of the organisation, in the order held. */
  private List<String> meetings() {
    return jdbc.query("select * from cf_nominee_meeting where campaign_id = ? and organisation_id = ? order by id",
        (rs, n) -> rs.getInt("step") + "/" + rs.getInt("round") + " " + (rs.getBoolean("quorum_met") ? "hợp lệ"
            : "không hợp lệ") + " " + rs.getInt("convened") + "/" + rs.getInt("present"),
        campaign.campaignId(), ORG);
  }

  private String text(String processInstanceId, String variable) {
    return (String) engine.getRuntimeService().getVariable(processInstanceId, variable);
  }

  private List<JsonNode> rows(String processInstanceId, String variable) {
    return rows(engine.getRuntimeService().getVariableTyped(processInstanceId, variable));
  }

  private static List<JsonNode> rows(Object value) {
    var list = new ArrayList<JsonNode>();
    FormValues.array(value, "rows").forEach(list::add);
    return list;
  }

  private static Object json(Object value) {
    return org.camunda.spin.plugin.variable.SpinValues.jsonValue(FormValues.JSON.valueToTree(value).toString()).create();
  }
}
