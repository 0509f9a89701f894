package org.congressflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.congressflow.rules.DecisionTables;
import org.congressflow.support.CongressFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The decision tables of the quality review, rule by rule, at their boundaries (seed rule S7). */
@CongressFlowTest
class QualityReviewRulesTest {

  @Autowired DecisionTables tables;

  private List<String> quota(int excellent, int good) {
    return tables.violations("quality-review-excellent-quota", Map.of("excellentCount", excellent, "goodCount", good));
  }

  private List<String> limit(boolean disciplined, boolean leader, String organisationLevel, ReviewLevel proposed) {
    var variables = new HashMap<String, Object>();
    variables.put("memberName", "Nguyễn Văn An");
    variables.put("reviewYear", 2019);
    variables.put("disciplined", disciplined);
    variables.put("leader", leader);
    variables.put("organisationLevel", organisationLevel);
    variables.put("proposedLevel", proposed.code);
    variables.put("proposedLevelName", proposed.label);
    return tables.violations("quality-review-member-limit", variables);
  }

  @Test
  void excellentMayBeExactlyTwentyPercentOfGoodButNotOneMore() {
    assertThat(quota(2, 10)).as("exactly 20%").isEmpty();
    assertThat(quota(3, 10)).containsExactly("Số đảng viên xếp loại “Hoàn thành xuất sắc nhiệm vụ” (3) vượt quá 20% "
        + "số đảng viên xếp loại “Hoàn thành tốt nhiệm vụ” (10): tối đa 2, thừa 1.");
    assertThat(quota(2, 12)).as("20% of 12 is 2.4").isEmpty();
    assertThat(quota(3, 14)).as("20% of 14 is 2.8").hasSize(1);
    assertThat(quota(0, 0)).isEmpty();
    assertThat(quota(1, 4)).as("20% of 4 is 0.8").containsExactly("Số đảng viên xếp loại “Hoàn thành xuất sắc nhiệm vụ” "
        + "(1) vượt quá 20% số đảng viên xếp loại “Hoàn thành tốt nhiệm vụ” (4): tối đa 0, thừa 1.");
    assertThat(quota(1, 5)).isEmpty();
  }

  @Test
  void aMemberDisciplinedInTheYearIsAtMostComplete() {
    assertThat(limit(true, false, "good", ReviewLevel.GOOD)).containsExactly("Nguyễn Văn An: bị kỷ luật trong năm 2019 "
        + "nên không được xếp loại cao hơn “Hoàn thành nhiệm vụ” (đề xuất: “Hoàn thành tốt nhiệm vụ”).");
    assertThat(limit(true, false, "good", ReviewLevel.EXCELLENT)).hasSize(1);
    assertThat(limit(true, false, "good", ReviewLevel.COMPLETE)).isEmpty();
    assertThat(limit(true, false, "good", ReviewLevel.NOT_COMPLETE)).isEmpty();
    assertThat(limit(false, false, "good", ReviewLevel.EXCELLENT)).isEmpty();
  }

  @Test
  void leadersOfAnOrganisationNotCompletingItsTasksAreAtMostComplete() {
    assertThat(limit(false, true, "notComplete", ReviewLevel.EXCELLENT)).containsExactly("Nguyễn Văn An: là cán bộ "
        + "lãnh đạo của tổ chức đảng bị xếp loại “Không hoàn thành nhiệm vụ” nên không được xếp loại cao hơn "
        + "“Hoàn thành nhiệm vụ” (đề xuất: “Hoàn thành xuất sắc nhiệm vụ”).");
    assertThat(limit(false, true, "notComplete", ReviewLevel.COMPLETE)).isEmpty();
    assertThat(limit(false, true, "complete", ReviewLevel.GOOD)).as("organisation completed").isEmpty();
    assertThat(limit(false, false, "notComplete", ReviewLevel.GOOD)).as("not a leader").isEmpty();
    assertThat(limit(true, true, "notComplete", ReviewLevel.GOOD)).as("both rules").hasSize(2);
  }
}
