package org.congressflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.congressflow.support.CampaignBuilder.aCampaign;
import static org.congressflow.works.WorksDriver.work;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowTest;
import org.congressflow.works.WelcomingWorks;
import org.congressflow.works.WorksDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A whole (small) campaign to its end: the congresses, the welcoming works and the 2019 quality review of every
 * organisation; the campaign is over only when all three are.
 */
@CongressFlowTest
class WholeCampaignProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  @Autowired WelcomingWorks welcomingWorks;

  @Test
  void campaignEndsWhenCongressesWorksAndReviewAreAllDone() {
    var definition = aCampaign().build();
    String district = definition.district().id();
    var campaign = CampaignDriver.launch(engine, launcher, definition);
    var works = new WorksDriver(engine, campaign);

    for (String org : List.of("khanh-trung", district)) {
      campaign.runQualityReview(org);
    }
    works.register("khanh-trung", List.of(work("Nhà văn hóa xóm 1", "own", LocalDate.of(2020, 3, 1)),
        work("Đường liên xóm", "district", LocalDate.of(2020, 3, 1))));
    campaign.approve("khanh-trung", "ApproveWorksList");
    works.register(district, List.of(work("Tượng đài", "provincial", LocalDate.of(2020, 3, 1)),
        work("Trung tâm hành chính", "district", LocalDate.of(2020, 3, 1)),
        work("Đường 481", "district", LocalDate.of(2020, 3, 1))));
    campaign.approve(district, "ApproveWorksList");
    campaign.moveTo(LocalDate.of(2019, 12, 1));
    for (String org : List.of("khanh-trung", district)) {
      welcomingWorks.ids(campaign.campaignId(), org).forEach(id -> works.completeWork(id, LocalDate.of(2019, 12, 1)));
    }

    campaign.runCellCongress("khanh-trung-cb-01", LocalDate.of(2019, 12, 5));
    campaign.prepareBaseCongress("khanh-trung");
    campaign.holdBaseCongress("khanh-trung", "HoldPilotCongress", LocalDate.of(2019, 12, 10), 5);
    campaign.completeCampaignTask("HoldLessonsConference");
    campaign.completeCampaignTask("PublishPilotLessons");
    campaign.prepareBaseCongress(district);
    campaign.holdBaseCongress(district, "HoldCongress", LocalDate.of(2019, 12, 20), 12);
    assertThat(campaign.campaignInstance()).as("the works are still to be commended").isNotNull();
    for (String org : List.of("khanh-trung", district)) {
      campaign.complete(campaign.task(org, "CommendWorks"), Map.of("commended", true, "commendation", "Giấy khen"));
    }

    assertThat(campaign.campaignInstance()).isNull();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId("CampaignCompleted")
        .processInstanceId(engine.getHistoryService().createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(campaign.campaignId()).singleResult().getId()).count()).isEqualTo(1);
  }
}
