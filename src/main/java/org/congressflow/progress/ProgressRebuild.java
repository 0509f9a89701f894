package org.congressflow.progress;

import static org.congressflow.progress.ProgressProjection.TASK;
import static org.congressflow.progress.ProgressProjection.WAIT;

import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.query.Query;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.process.CongressParts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilds the progress read model from Camunda's history, for a database that ran without it or after a
 * repair: the same projection as the live handler, fed from the historic instances, variables, open tasks
 * and open waits, page by page. Campaigns first, then base and district congresses, then cells, so that each
 * congress finds its campaign and each cell its base organisation.
 */
@Service
public class ProgressRebuild {

  private static final Logger log = LoggerFactory.getLogger(ProgressRebuild.class);
  private static final int PAGE = 500;
  private static final List<String> ORDER =
      List.of(CampaignLauncher.PROCESS, "base-congress", "district-congress", "cell-congress", CongressParts.GATE,
          CongressParts.WATCH, CongressParts.INTRODUCTION);

  private final HistoryService history;
  private final ProgressProjection projection;

  ProgressRebuild(HistoryService history, ProgressProjection projection) {
    this.history = history;
    this.projection = projection;
  }

  /** Returns the number of process instances projected. */
  @Transactional
  public int rebuild() {
    projection.clear();
    int instances = 0;
    for (String key : ORDER) {
      instances += forEachPage(history.createHistoricProcessInstanceQuery().processDefinitionKey(key)
          .orderByProcessInstanceId().asc(), this::instances);
    }
    forEachPage(history.createHistoricTaskInstanceQuery().unfinished().orderByProcessInstanceId().asc(),
        tasks -> tasks.stream()
            .filter(t -> t.getProcessInstanceId() != null && ProgressProjection.tracked(t.getProcessDefinitionKey()))
            .forEach(t -> projection.stepOpened(t.getId(), t.getProcessInstanceId(), TASK, t.getTaskDefinitionKey(),
                t.getName(), t.getDueDate(), t.getStartTime())));
    for (String type : ProgressProjection.WAIT_ACTIVITY_TYPES) {
      forEachPage(history.createHistoricActivityInstanceQuery().unfinished().activityType(type)
          .orderByProcessInstanceId().asc(), activities -> activities.stream()
              .filter(a -> ProgressProjection.tracked(a.getProcessDefinitionKey())
                  && !a.getProcessDefinitionKey().equals(CampaignLauncher.PROCESS) && !callsPart(a))
              .forEach(a -> projection.stepOpened(a.getId(), a.getProcessInstanceId(), WAIT, a.getActivityId(),
                  a.getActivityName(), null, a.getStartTime())));
    }
    log.info("Progress read model rebuilt from the engine's history: {} process instances", instances);
    return instances;
  }

  /** A call of a shared part (gate, watch) is no wait of its own; the part's tasks are the congress's steps. */
  private boolean callsPart(HistoricActivityInstance activity) {
    String called = activity.getCalledProcessInstanceId();
    return called != null && history.createHistoricProcessInstanceQuery().processInstanceId(called)
        .processDefinitionKeyIn(CongressParts.KEYS.toArray(String[]::new)).count() > 0;
  }

  private void instances(List<HistoricProcessInstance> page) {
    for (var instance : page) {
      projection.instanceStarted(instance.getId(), instance.getProcessDefinitionKey(), instance.getBusinessKey(),
          instance.getRootProcessInstanceId(), instance.getSuperProcessInstanceId(), instance.getStartTime());
      if (instance.getEndTime() != null) {
        projection.instanceEnded(instance.getId(), instance.getEndTime(), instance.getState());
      }
    }
    var ids = page.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    history.createHistoricVariableInstanceQuery().processInstanceIdIn(ids)
        .variableNameIn(ProgressProjection.SHOWN_VARIABLES.toArray(String[]::new))
        .disableBinaryFetching().disableCustomObjectDeserialization().list().stream()
        .filter(v -> v.getProcessInstanceId().equals(v.getExecutionId()))
        .forEach(v -> projection.variableSet(v.getProcessInstanceId(), v.getName(), v.getValue()));
  }

  private static <T, Q extends Query<Q, T>> int forEachPage(Query<Q, T> query, Consumer<List<T>> action) {
    int count = 0;
    for (int first = 0; ; first += PAGE) {
      List<T> page = query.listPage(first, PAGE);
      if (!page.isEmpty()) {
        action.accept(page);
      }
      count += page.size();
      if (page.size() < PAGE) {
        return count;
      }
    }
  }
}
