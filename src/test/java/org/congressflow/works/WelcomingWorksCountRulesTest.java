package org.congressflow.works;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.congressflow.rules.DecisionTables;
import org.congressflow.support.CongressFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The decision table welcoming-works-count, rule by rule, at its boundaries (seed rule S6). */
@CongressFlowTest
class WelcomingWorksCountRulesTest {

  @Autowired DecisionTables tables;

  private List<String> check(String kind, int total, int provincial, int district) {
    return tables.violations("welcoming-works-count",
        Map.of("organisationKind", kind, "totalWorks", total, "provincialWorks", provincial, "districtWorks", district));
  }

  @Test
  void aCommuneOrTownNeedsAtLeastTwoWorks() {
    assertThat(check("commune", 0, 0, 0)).containsExactly(
        "Đảng bộ xã, thị trấn phải đăng ký ít nhất 2 công trình chào mừng đại hội; danh sách có 0 công trình, còn thiếu 2.");
    assertThat(check("commune", 1, 0, 0)).containsExactly(
        "Đảng bộ xã, thị trấn phải đăng ký ít nhất 2 công trình chào mừng đại hội; danh sách có 1 công trình, còn thiếu 1.");
    assertThat(check("commune", 2, 0, 0)).isEmpty();
    assertThat(check("town", 1, 0, 1)).hasSize(1);
    assertThat(check("town", 2, 0, 0)).isEmpty();
    assertThat(check("commune", 5, 1, 2)).as("no upper bound for communes").isEmpty();
  }

  @Test
  void anOrganisationDirectlyUnderTheDistrictRegistersOneOrTwoWorks() {
    for (String kind : List.of("agency", "school", "police", "military", "enterprise")) {
      assertThat(check(kind, 0, 0, 0)).as(kind).containsExactly("Tổ chức cơ sở đảng trực thuộc Huyện ủy (cơ quan, "
          + "trường học, công an, quân sự) phải đăng ký từ 1 đến 2 công trình chào mừng đại hội; danh sách có 0 công trình, còn thiếu 1.");
      assertThat(check(kind, 1, 0, 0)).as(kind).isEmpty();
      assertThat(check(kind, 2, 0, 1)).as(kind).isEmpty();
      assertThat(check(kind, 3, 0, 0)).as(kind).containsExactly("Tổ chức cơ sở đảng trực thuộc Huyện ủy (cơ quan, "
          + "trường học, công an, quân sự) chỉ đăng ký từ 1 đến 2 công trình chào mừng đại hội; danh sách có 3 công trình, thừa 1.");
    }
  }

  @Test
  void theDistrictRegistersOneWorkForTheProvincialCongressAndTwoForItsOwn() {
    assertThat(check("district", 3, 1, 2)).isEmpty();
    assertThat(check("district", 0, 0, 0)).containsExactly(
        "Huyện ủy đăng ký 1 công trình chào mừng Đại hội Đảng bộ tỉnh; danh sách có 0, còn thiếu 1.",
        "Huyện ủy đăng ký 2 công trình chào mừng Đại hội Đảng bộ huyện; danh sách có 0, còn thiếu 2.");
    assertThat(check("district", 2, 1, 1)).containsExactly(
        "Huyện ủy đăng ký 2 công trình chào mừng Đại hội Đảng bộ huyện; danh sách có 1, còn thiếu 1.");
    assertThat(check("district", 5, 2, 3)).containsExactly(
        "Huyện ủy đăng ký 1 công trình chào mừng Đại hội Đảng bộ tỉnh; danh sách có 2, thừa 1.",
        "Huyện ủy đăng ký 2 công trình chào mừng Đại hội Đảng bộ huyện; danh sách có 3, thừa 1.");
  }
}
