package org.congressflow.works;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.congressflow.works.WorksDriver.work;
import static org.congressflow.works.WorksDriver.works;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.congressflow.campaign.CampaignDefinition;
import org.congressflow.campaign.CampaignDefinition.Organisation;
import org.congressflow.campaign.CampaignFileReader;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Seed rule S6 over the whole Yên Khánh campaign file: every organisation and the district register their works. */
@CongressFlowTest
class YenKhanhWelcomingWorksTest {

  private static final LocalDate APRIL = LocalDate.of(2020, 4, 1);

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  @Autowired WelcomingWorks welcomingWorks;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void yenKhanhsOrganisationsRegisterTheSeedsCountsOfWelcomingWorks() {
    AbstractAssertions.init(engine);
    var file = new CampaignFileReader().read(java.nio.file.Path.of("config/campaigns/yen-khanh-2020-2025.yaml"));
    var yenKhanh = file.withId(file.id() + "-works");
    var campaign = CampaignDriver.launch(engine, launcher, yenKhanh);
    ClockUtil.setCurrentTime(CampaignDriver.at(LocalDate.of(2019, 11, 25)));
    var driver = new WorksDriver(engine, campaign);
    String district = yenKhanh.district().id();
    var communes = yenKhanh.organisationList().stream().filter(o -> List.of("commune", "town").contains(o.kind()))
        .map(Organisation::id).toList();
    var others = yenKhanh.organisationList().stream().map(Organisation::id).filter(id -> !communes.contains(id)).toList();
    assertThat(communes).as("Yên Ninh town and 18 communes").hasSize(19);
    assertThat(others).as("agencies, police, military, schools").hasSize(11);

    var instances = new HashMap<String, ProcessInstance>();
    yenKhanh.organisationList().forEach(org -> instances.put(org.id(), driver.start(org.id())));
    instances.put(district, driver.start(district));

    // first round: Khánh An registers 1 work, the police 3, the military none, the district 2 for its own congress
    communes.forEach(id -> driver.register(id, works(id.equals("khanh-an") ? 1 : 2, "own", APRIL)));
    for (int i = 0; i < others.size(); i++) {
      String id = others.get(i);
      int count = id.equals("cong-an-huyen") ? 3 : id.equals("quan-su-huyen") ? 0 : 1 + i % 2;
      driver.register(id, works(count, "own", APRIL));
    }
    driver.register(district, works(2, "district", LocalDate.of(2020, 8, 1)));

    var refused = instances.entrySet().stream()
        .filter(e -> !Boolean.TRUE.equals(engine.getRuntimeService().getVariable(e.getValue().getId(), "worksCountAccepted")))
        .collect(Collectors.toMap(Map.Entry::getKey,
            e -> (String) engine.getRuntimeService().getVariable(e.getValue().getId(), "worksRefusal")));
    assertThat(refused).containsOnlyKeys("khanh-an", "cong-an-huyen", "quan-su-huyen", district);
    assertThat(refused.get("khanh-an")).endsWith("danh sách có 1 công trình, còn thiếu 1.");
    assertThat(refused.get("cong-an-huyen")).endsWith("danh sách có 3 công trình, thừa 1.");
    assertThat(refused.get("quan-su-huyen")).endsWith("danh sách có 0 công trình, còn thiếu 1.");
    assertThat(refused.get(district)).endsWith("Huyện ủy đăng ký 1 công trình chào mừng Đại hội Đảng bộ tỉnh; "
        + "danh sách có 0, còn thiếu 1.");

    // second round: the refused lists corrected, then every list approved by its superior
    driver.register("khanh-an", works(2, "own", APRIL));
    driver.register("cong-an-huyen", works(2, "own", APRIL));
    driver.register("quan-su-huyen", works(1, "own", APRIL));
    driver.register(district, List.of(work("Công trình chào mừng Đại hội tỉnh", "provincial", LocalDate.of(2020, 10, 1)),
        work("Công trình 1", "own", LocalDate.of(2020, 8, 1)), work("Công trình 2", "district", LocalDate.of(2020, 8, 1))));
    instances.forEach((id, instance) -> assertThat(instance).as(id).isWaitingAt("ApproveWorksList"));
    instances.keySet().forEach(id -> campaign.approve(id, "ApproveWorksList"));

    var approved = welcomingWorks.ofCampaign(yenKhanh.id()).stream()
        .collect(Collectors.groupingBy(WelcomingWorks.Work::organisationId, Collectors.counting()));
    communes.forEach(id -> assertThat(approved.get(id)).as(id).isEqualTo(2));
    others.forEach(id -> assertThat(approved.get(id)).as(id).isBetween(1L, 2L));
    assertThat(approved.get(district)).isEqualTo(3);
    assertThat(welcomingWorks.ofOrganisation(yenKhanh.id(), district)).extracting(WelcomingWorks.Work::welcomes)
        .containsExactly("provincial", "district", "district");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("welcoming-work")
        .variableValueEquals("campaignId", yenKhanh.id()).count())
        .as("one tracked work per approved work").isEqualTo(approved.values().stream().mapToLong(Long::longValue).sum());
  }
}
