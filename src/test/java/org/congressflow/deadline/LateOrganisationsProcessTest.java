package org.congressflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.congressflow.campaign.CampaignFileReader;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowTest;
import org.congressflow.support.TestSmtp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Yên Khánh campaign with two late cells: reminders and escalations for them, nothing for the punctual ones. */
@CongressFlowTest
class LateOrganisationsProcessTest {

  private static final Set<String> LATE = Set.of("khanh-an-cb-01", "khanh-van-cb-02");

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  @Autowired Notifications notifications;

  @Test
  void onlyTheLateCellsOfYenKhanhAreRemindedAndEscalated() throws Exception {
    var yenKhanh = new CampaignFileReader().read(java.nio.file.Path.of("config/campaigns/yen-khanh-2020-2025.yaml"))
        .withId("yen-khanh-late-cells");
    var campaign = CampaignDriver.launch(engine, launcher, yenKhanh);
    campaign.givenUser("khanh-an-secretary-test", campaign.groups().leaders("khanh-an"));
    TestSmtp.start();
    TestSmtp.clear();

    campaign.moveTo(LocalDate.of(2020, 3, 10));
    yenKhanh.cells().filter(cell -> !LATE.contains(cell.id()))
        .forEach(cell -> campaign.runCellCongress(cell.id(), LocalDate.of(2020, 3, 10)));

    campaign.moveTo(LocalDate.of(2020, 3, 16));
    assertThat(notifications.organisations(yenKhanh.id(), "reminder")).isEmpty();
    campaign.moveTo(LocalDate.of(2020, 3, 17));
    assertThat(notifications.organisations(yenKhanh.id(), "reminder")).containsExactlyElementsOf(LATE.stream().sorted().toList());
    campaign.moveTo(LocalDate.of(2020, 3, 28));
    assertThat(notifications.count(yenKhanh.id(), "khanh-an-cb-01", "reminder")).isEqualTo(2);
    assertThat(notifications.count(yenKhanh.id(), "khanh-van-cb-02", "reminder")).isEqualTo(2);

    campaign.moveTo(LocalDate.of(2020, 4, 1));
    var escalations = engine.getTaskService().createTaskQuery().processVariableValueEquals("campaignId", yenKhanh.id())
        .taskDefinitionKey("HandleMissedDeadline").list();
    assertThat(escalations).extracting(task -> engine.getRuntimeService()
        .createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey())
        .containsExactlyInAnyOrderElementsOf(LATE);
    assertThat(notifications.organisations(yenKhanh.id(), "escalation")).containsExactlyElementsOf(LATE.stream().sorted().toList());
    assertThat(TestSmtp.subjects()).filteredOn(subject -> subject.startsWith("[CongressFlow] Quá hạn"))
        .containsExactly("[CongressFlow] Quá hạn 1 ngày: Chi bộ xóm 1 - Đảng bộ xã Khánh An");
  }
}
