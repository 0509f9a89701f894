package org.congressflow.works;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.congressflow.form.FormValues;
import org.congressflow.support.CampaignDriver;

/** Plays an organisation's welcoming works in tests: its list, its superior, and each work's reports. */
public class WorksDriver {

  private final ProcessEngine engine;
  private final CampaignDriver campaign;

  public WorksDriver(ProcessEngine engine, CampaignDriver campaign) {
    this.engine = engine;
    this.campaign = campaign;
  }

  /** The organisation's welcoming works, started by the campaign. */
  public ProcessInstance start(String organisationId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("welcoming-works")
        .processInstanceBusinessKey(organisationId).variableValueEquals("campaignId", campaign.campaignId())
        .singleResult();
  }

  /** A row of the registration form; welcomes: provincial, district or own. */
  public static Map<String, Object> work(String name, String welcomes, LocalDate expectedCompletion) {
    var row = new HashMap<String, Object>();
    row.put("name", name);
    row.put("description", "Công trình chào mừng đại hội");
    row.put("kind", "Giao thông nông thôn");
    row.put("place", "Thôn 1");
    row.put("estimatedValue", 1_500_000_000L);
    row.put("expectedCompletion", expectedCompletion.toString());
    row.put("welcomes", welcomes);
    return row;
  }

  static List<Map<String, Object>> works(int count, String welcomes, LocalDate expectedCompletion) {
    return java.util.stream.IntStream.rangeClosed(1, count)
        .mapToObj(i -> work("Công trình số " + i, welcomes, expectedCompletion)).toList();
  }

  static Map<String, Object> worksVariable(List<Map<String, Object>> rows) {
    return Map.of("works", SpinValues.jsonValue(FormValues.JSON.valueToTree(rows).toString()).create());
  }

  public void register(String organisationId, List<Map<String, Object>> rows) {
    campaign.complete(campaign.task(organisationId, "RegisterWorks"), worksVariable(rows));
  }

  /** The open task of one work's process. */
  Task workTask(long workId, String taskKey) {
    var tasks = engine.getTaskService().createTaskQuery().processDefinitionKey("welcoming-work")
        .processVariableValueEquals("campaignId", campaign.campaignId())
        .processVariableValueEquals("workId", workId).taskDefinitionKey(taskKey).list();
    assertThat(tasks).as("open task %s of work %s", taskKey, workId).hasSize(1);
    return tasks.get(0);
  }

  ProcessInstance workProcess(long workId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("welcoming-work")
        .variableValueEquals("campaignId", campaign.campaignId()).variableValueEquals("workId", workId).singleResult();
  }

  void reportProgress(long workId, int percent, boolean finished) {
    campaign.complete(workTask(workId, "ReportWorkProgress"),
        Map.of("progressPercent", percent, "progressNote", "Đã thi công " + percent + "%", "workFinished", finished));
  }

  void reportCompletion(long workId, LocalDate completedOn, String kind) {
    campaign.complete(workTask(workId, "ReportWorkCompletion"),
        Map.of("completedOn", completedOn.toString(), "completionKind", kind, "completionNote", "Lễ khánh thành"));
  }

  /** Progress to 100% and completion, on the happy path. */
  public void completeWork(long workId, LocalDate completedOn) {
    reportProgress(workId, 100, true);
    reportCompletion(workId, completedOn, "inauguration");
  }
}
