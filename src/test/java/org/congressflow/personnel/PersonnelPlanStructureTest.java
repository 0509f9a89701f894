package org.congressflow.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.congressflow.support.CampaignBuilder.aCampaign;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.congressflow.campaign.CampaignDefinition.PersonnelRules;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.rules.DecisionTables;
import org.congressflow.support.CampaignBuilder;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The structure of a personnel plan (processes/decisions/personnel-plan-structure.dmn) at each rule's boundary, with
 * the brief's defaults and a campaign's own values: a broken target passes only with a reason the superior sees; a
 * broken limit refuses the plan, saying which rule and by how much.
 */
@CongressFlowTest
class PersonnelPlanStructureTest {

  private static final String ORG = "khanh-an";

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  @Autowired DecisionTables decisionTables;

  @Test
  void womenAtLeastFifteenPercentOfTheCommitteeWithAnExceptionAllowed() {
    assertThat(violations(plan(20, 26).with("womenNominees", 3))).isEmpty();
    assertThat(matches(plan(20, 26).with("womenNominees", 2))).containsExactly(Map.of("violation",
        "Tỷ lệ nữ: 2 trên 20 cấp ủy viên, dưới mức tối thiểu 15% (cần ít nhất 3, còn thiếu 1).",
        "exceptionAllowed", true));
  }

  @Test
  void atLeastOneWomanInTheStandingCommittee() {
    assertThat(violations(plan(20, 26).with("standingCommitteeWomen", 1))).isEmpty();
    assertThat(matches(plan(20, 26).with("standingCommitteeWomen", 0))).containsExactly(Map.of("violation",
        "Nữ trong Ban Thường vụ dự kiến: 0, cần ít nhất 1 (còn thiếu 1).", "exceptionAllowed", true));
  }

  @Test
  void underFortyAtLeastTenPercentAtDistrictLevelOnly() {
    assertThat(violations(plan(40, 52).with("youngNominees", 4).with("youngMinPercent", 10))).isEmpty();
    assertThat(matches(plan(40, 52).with("youngNominees", 3).with("youngMinPercent", 10))).containsExactly(Map.of(
        "violation", "Cán bộ dưới 40 tuổi: 3 trên 40 cấp ủy viên, dưới mức tối thiểu 10% (cần ít nhất 4, còn thiếu 1).",
        "exceptionAllowed", true));
    assertThat(violations(plan(15, 18).with("youngNominees", 0).with("youngMinPercent", 0)))
        .as("a base congress has no under-40 rule by default").isEmpty();
  }

  @Test
  void nomineesAtMostThirtyPercentOverTheSeatsWithoutException() {
    assertThat(violations(plan(20, 26))).isEmpty();
    assertThat(matches(plan(20, 27))).containsExactly(Map.of("violation",
        "Số dư không quá 30% so với số lượng cần bầu: 27 người được giới thiệu cho 20 cấp ủy viên cần bầu, dư 7 người,"
            + " nhiều nhất 6 (thừa 1).", "exceptionAllowed", false));
    assertThat(violations(plan(20, 20))).isEmpty();
    assertThat(violations(plan(20, 19))).containsExactly(
        "Số người được giới thiệu (19) ít hơn số lượng cấp ủy viên cần bầu (20), còn thiếu 1.");
  }

  @Test
  void committeeSizeWithinTheLimitsTheSuperiorSet() {
    assertThat(violations(plan(19, 19).with("committeeSizeMax", 19))).isEmpty();
    assertThat(matches(plan(20, 20).with("committeeSizeMax", 19))).containsExactly(Map.of("violation",
        "Số lượng cấp ủy viên dự kiến 20 vượt giới hạn cấp trên quy định (3 đến 19), thừa 1.", "exceptionAllowed", false));
    assertThat(violations(plan(3, 3).with("womenNominees", 1).with("committeeSizeMax", 19))).isEmpty();
    assertThat(violations(plan(2, 2).with("womenNominees", 1).with("committeeSizeMax", 19)))
        .containsExactly("Số lượng cấp ủy viên dự kiến 2 dưới giới hạn cấp trên quy định (3 đến 19), thiếu 1.");
  }

  @Test
  void aPlanBelowATargetIsRefusedWithoutAReasonAndGoesToTheSuperiorWithIt() {
    var campaign = walkToThePlan(aCampaign());
    var plan = campaign.task(ORG, "PreparePersonnelPlan");
    assertThatThrownBy(() -> campaign.complete(plan, Map.of("womenNominees", 2)))
        .hasMessageContaining("Phương án nhân sự không đạt cơ cấu: Tỷ lệ nữ: 2 trên 15 cấp ủy viên, dưới mức tối thiểu"
            + " 15% (cần ít nhất 3, còn thiếu 1).")
        .hasMessageContaining("ghi rõ lý do ở trường \"Lý do ngoại lệ về cơ cấu\"");

    campaign.complete(plan, Map.of("womenNominees", 2,
        "structureExceptionReason", "Nguồn cán bộ nữ đủ tiêu chuẩn của xã còn ít; đã quy hoạch 3 đồng chí nữ cho nhiệm kỳ sau"));
    campaign.complete(ORG, "AppraisePersonnel");
    campaign.complete(ORG, "VerifyPersonnel");
    var gate = campaign.task(ORG, "ApprovePersonnelPlan");
    assertThat(engine.getTaskService().getVariable(gate.getId(), "personnelExceptions")).isEqualTo(
        "Ngoại lệ về cơ cấu: Tỷ lệ nữ: 2 trên 15 cấp ủy viên, dưới mức tối thiểu 15% (cần ít nhất 3, còn thiếu 1)."
            + " Lý do: Nguồn cán bộ nữ đủ tiêu chuẩn của xã còn ít; đã quy hoạch 3 đồng chí nữ cho nhiệm kỳ sau");
  }

  @Test
  void aPlanOverTheNominationLimitIsRefusedEvenWithAReason() {
    var campaign = walkToThePlan(aCampaign());
    assertThatThrownBy(() -> campaign.complete(campaign.task(ORG, "PreparePersonnelPlan"),
        Map.of("committeeSizePlanned", 13, "structureExceptionReason", "Cần nhiều lựa chọn")))
        .hasMessageContaining("Số dư không quá 30% so với số lượng cần bầu: 18 người được giới thiệu cho 13 cấp ủy viên"
            + " cần bầu, dư 5 người, nhiều nhất 3 (thừa 2).")
        .hasMessageNotContaining("Lý do ngoại lệ");
  }

  @Test
  void aCampaignFileSetsItsOwnValues() {
    var strict = walkToThePlan(aCampaign().withPersonnelRules(new PersonnelRules(30, null, null, 20, Map.of("base", 16),
        null)));
    var plan = strict.task(ORG, "PreparePersonnelPlan");
    assertThatThrownBy(() -> strict.complete(plan, Map.of("committeeSizePlanned", 14)))
        .hasMessageContaining("Tỷ lệ nữ: 4 trên 14 cấp ủy viên, dưới mức tối thiểu 30% (cần ít nhất 5, còn thiếu 1).")
        .hasMessageContaining("Số dư không quá 20% so với số lượng cần bầu: 18 người được giới thiệu cho 14 cấp ủy viên"
            + " cần bầu, dư 4 người, nhiều nhất 2 (thừa 2).")
        .hasMessageContaining("Số lượng cấp ủy viên dự kiến 14 dưới giới hạn cấp trên quy định (16 đến 19), thiếu 2.");

    strict.complete(plan, Map.of("committeeSizePlanned", 16, "womenNominees", 5));
    assertThat(strict.task(ORG, "AppraisePersonnel")).as("16 seats: 5 women, 2 over at most 20%, within 16 to 19")
        .isNotNull();
  }

  private CampaignDriver walkToThePlan(CampaignBuilder builder) {
    var campaign = CampaignDriver.launch(engine, launcher, builder.withBaseCommittee(ORG).withCells(1).build());
    campaign.complete(ORG, "PrepareCongressPlan");
    campaign.complete(ORG, "DraftPoliticalReport");
    campaign.complete(ORG, "CollectDocumentOpinions");
    campaign.approve(ORG, "ApproveDocuments");
    campaign.introduceNominees(ORG);
    return campaign;
  }

  /** A plan that holds every default rule for the given seats and nominees (size limits 3 to 45). */
  private static Inputs plan(int seats, int nominees) {
    var rules = PersonnelRules.DEFAULT;
    return new Inputs().with("seats", seats).with("nominees", nominees).with("womenNominees", nominees / 2)
        .with("standingCommitteeWomen", 1).with("youngNominees", nominees / 2)
        .with("womenMinPercent", rules.womenMinPercent())
        .with("standingCommitteeWomenMin", rules.standingCommitteeWomenMin()).with("youngMinPercent", 0)
        .with("overNominationMaxPercent", rules.overNominationMaxPercent())
        .with("committeeSizeMin", rules.committeeSizeMin().get("base"))
        .with("committeeSizeMax", rules.committeeSizeMax().get("district"));
  }

  private static final class Inputs extends HashMap<String, Object> {
    Inputs with(String name, Object value) {
      put(name, value);
      return this;
    }
  }

  private List<Map<String, Object>> matches(Map<String, Object> inputs) {
    return decisionTables.matches(CheckPersonnelPlan.STRUCTURE, inputs);
  }

  private List<String> violations(Map<String, Object> inputs) {
    return decisionTables.violations(CheckPersonnelPlan.STRUCTURE, inputs);
  }
}
