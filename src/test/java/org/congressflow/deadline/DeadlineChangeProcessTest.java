package org.congressflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.congressflow.support.CampaignBuilder.aCampaign;

import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.campaign.DueDates;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Spring 2020: the district moves the base congresses' deadline for everyone, with the reason kept. */
@CongressFlowTest
class DeadlineChangeProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  @Autowired DeadlineChanges changes;
  @Autowired JdbcTemplate jdbc;
  CampaignDriver campaign;

  @BeforeEach
  void launch() {
    campaign = CampaignDriver.launch(engine, launcher,
        aCampaign().withBaseCommittee("khanh-an").withCells(1).withBaseCell("thpt-yen-khanh-a").build());
  }

  @Test
  void movedBaseDeadlineMovesTasksAndWatchAndIsKeptWithItsReason() {
    campaign.moveTo(LocalDate.of(2020, 4, 10));

    int moved = changes.change(campaign.campaignId(), "base", LocalDate.of(2020, 8, 31),
        "Kết luận của Bộ Chính trị: lùi đại hội do dịch COVID-19", "organisation-board-officer");

    assertThat(moved).as("khanh-an and the school; not the pilot").isEqualTo(2);
    assertThat(campaign.task("khanh-an", "PrepareCongressPlan").getDueDate())
        .isEqualTo(DueDates.endOf(LocalDate.of(2020, 8, 31)));
    assertThat(campaign.task("khanh-trung", "PrepareCongressPlan").getDueDate())
        .as("the pilot keeps its own deadline").isEqualTo(DueDates.endOf(LocalDate.of(2020, 4, 20)));
    campaign.moveTo(LocalDate.of(2020, 7, 2));
    assertThat(campaign.openTasks("khanh-an")).as("no escalation at the old deadline")
        .noneMatch(t -> t.getTaskDefinitionKey().equals("HandleMissedDeadline"));
    campaign.moveTo(LocalDate.of(2020, 9, 1));
    assertThat(campaign.task("khanh-an", "HandleMissedDeadline")).as("escalated at the new one").isNotNull();
    assertThat(jdbc.queryForObject("select level || '|' || changed_by || '|' || reason || '|' || congresses_moved"
        + " from cf_deadline_change where campaign_id = ?", String.class, campaign.campaignId()))
        .isEqualTo("base|organisation-board-officer|Kết luận của Bộ Chính trị: lùi đại hội do dịch COVID-19|2");
  }

  @Test
  void aChangeWithoutReasonOrToThePastIsRefused() {
    campaign.moveTo(LocalDate.of(2020, 4, 10));

    assertThatThrownBy(() -> changes.change(campaign.campaignId(), "cell", LocalDate.of(2020, 5, 31), " ", "x"))
        .hasMessage("Phải ghi lý do thay đổi hạn (reason)");
    assertThatThrownBy(() -> changes.change(campaign.campaignId(), "cell", LocalDate.of(2020, 4, 1), "COVID", "x"))
        .hasMessage("Hạn mới (newDate) phải sau hôm nay");
    assertThatThrownBy(() -> changes.change(campaign.campaignId(), "province", LocalDate.of(2020, 5, 1), "COVID", "x"))
        .hasMessageContaining("Cấp (level) phải là một trong");
  }
}
