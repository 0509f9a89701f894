package org.congressflow.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.congressflow.support.CampaignBuilder.aCampaign;
import static org.congressflow.works.WorksDriver.work;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowTest;
import org.congressflow.works.WorksDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist's cards show under each task the organisation ("Đơn vị") and the congress or campaign ("Đại hội") it
 * belongs to, read from its process with the rights of the group that works on it: for every process that gives
 * work to people, a congress's steps, its escalation, welcoming works, one work, and the quality review.
 */
@CongressFlowTest
class EveryTaskSaysWhoseItIsTest {

  private static final String BASE = "khanh-an";

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;

  @Test
  void everyOpenTaskOfEveryProcessShowsItsOrganisationAndCongressToItsWorkers() {
    var campaign = CampaignDriver.launch(engine, launcher, aCampaign().withBaseCommittee(BASE).withCells(1).build());
    new WorksDriver(engine, campaign).register(BASE, List.of(work("Nhà văn hóa thôn Đông", "own",
        LocalDate.of(2020, 5, 1)), work("Đường liên thôn", "district", LocalDate.of(2020, 6, 1))));
    campaign.approve(BASE, "ApproveWorksList");
    campaign.moveTo(LocalDate.of(2020, 4, 1)); // the cell's congress is late: its base committee must act

    var shown = new TreeMap<String, String>();
    for (Task task : engine.getTaskService().createTaskQuery().processVariableValueEquals("campaignId",
        campaign.campaignId()).list()) {
      String key = engine.getRepositoryService().getProcessDefinition(task.getProcessDefinitionId()).getKey();
      Map<String, String> card = cardAsItsWorkers(task);
      assertThat(card).as("%s: %s", key, task.getName()).containsOnlyKeys("organisationName", "congressName")
          .allSatisfy((name, value) -> assertThat(value).isNotBlank());
      shown.put(key + " / " + task.getTaskDefinitionKey(), card.get("organisationName") + " | " + card.get("congressName"));
    }
    shown.forEach((task, card) -> System.out.println("Task card: " + task + " -> " + card));
    assertThat(new TreeSet<>(shown.keySet().stream().map(task -> task.split(" / ")[0]).toList()))
        .containsExactly("base-congress", "cell-congress", "deadline-watch", "district-congress", "quality-review",
            "welcoming-work", "welcoming-works");
    assertThat(shown).containsEntry("welcoming-work / ReportWorkProgress",
        "Đảng bộ khanh-an | Công trình \"Đường liên thôn\" chào mừng Đại hội Đảng bộ huyện");
  }

  /** What Tasklist reads for the card: the process's two variables, as a member of the task's candidate group. */
  private Map<String, String> cardAsItsWorkers(Task task) {
    String group = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId()).findFirst().orElseThrow();
    var identity = engine.getIdentityService();
    CampaignDriver.authenticate(engine, "worker-of-" + group, List.of(group));
    try {
      var card = new TreeMap<String, String>();
      for (VariableInstance variable : engine.getRuntimeService().createVariableInstanceQuery()
          .processInstanceIdIn(task.getProcessInstanceId()).variableNameIn("organisationName", "congressName")
          .list()) {
        card.put(variable.getName(), (String) variable.getValue());
      }
      return card;
    } finally {
      identity.clearAuthentication();
    }
  }
}
