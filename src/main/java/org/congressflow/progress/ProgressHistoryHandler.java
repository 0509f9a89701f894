package org.congressflow.progress;

import static org.congressflow.progress.ProgressProjection.TASK;
import static org.congressflow.progress.ProgressProjection.WAIT;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.behavior.CallableElementActivityBehavior;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.el.ElValueProvider;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.congressflow.process.CongressParts;

/**
 * Keeps the progress read model in step with the engine: every history event of a tracked process is
 * projected while the engine's command runs, so in its transaction (the engine and our JdbcTemplate share
 * Spring's transaction). The engine's own history handler stays on and writes Camunda's history as before.
 */
class ProgressHistoryHandler implements HistoryEventHandler {

  private final ProgressProjection projection;

  ProgressHistoryHandler(ProgressProjection projection) {
    this.projection = projection;
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!ProgressProjection.tracked(event.getProcessDefinitionKey())) {
      return;
    }
    if (event instanceof HistoricProcessInstanceEventEntity instance) {
      instance(instance);
    } else if (event instanceof HistoricTaskInstanceEventEntity task) {
      task(task);
    } else if (event instanceof HistoricActivityInstanceEventEntity activity) {
      activity(activity);
    } else if (event instanceof HistoricVariableUpdateEventEntity variable) {
      variable(variable);
    }
  }

  private void instance(HistoricProcessInstanceEventEntity event) {
    if (is(event, HistoryEventTypes.PROCESS_INSTANCE_START)) {
      projection.instanceStarted(event.getProcessInstanceId(), event.getProcessDefinitionKey(), event.getBusinessKey(),
          event.getRootProcessInstanceId(), event.getSuperProcessInstanceId(), event.getStartTime());
    } else if (is(event, HistoryEventTypes.PROCESS_INSTANCE_END)) {
      projection.instanceEnded(event.getProcessInstanceId(), event.getEndTime(), event.getState());
    }
  }

  private void task(HistoricTaskInstanceEventEntity event) {
    if (event.getProcessInstanceId() == null) {
      return;
    }
    if (is(event, HistoryEventTypes.TASK_INSTANCE_CREATE)) {
      projection.stepOpened(event.getTaskId(), event.getProcessInstanceId(), TASK, event.getTaskDefinitionKey(),
          event.getName(), event.getDueDate(), event.getStartTime());
    } else if (is(event, HistoryEventTypes.TASK_INSTANCE_UPDATE) && event.getEndTime() == null) {
      projection.stepChanged(event.getTaskId(), event.getName(), event.getDueDate());
    } else if (is(event, HistoryEventTypes.TASK_INSTANCE_COMPLETE) || is(event, HistoryEventTypes.TASK_INSTANCE_DELETE)) {
      projection.stepClosed(event.getTaskId());
    }
  }

  private void activity(HistoricActivityInstanceEventEntity event) {
    boolean campaign = ProgressProjection.CAMPAIGN.equals(ProgressProjection.LEVELS.get(event.getProcessDefinitionKey()));
    if (campaign || !ProgressProjection.WAIT_ACTIVITY_TYPES.contains(event.getActivityType())
        || callsPart(event.getProcessDefinitionId(), event.getActivityId())) {
      return;
    }
    if (is(event, HistoryEventTypes.ACTIVITY_INSTANCE_START)) {
      projection.stepOpened(event.getActivityInstanceId(), event.getProcessInstanceId(), WAIT, event.getActivityId(),
          event.getActivityName(), null, event.getStartTime());
    } else if (is(event, HistoryEventTypes.ACTIVITY_INSTANCE_END)) {
      projection.stepClosed(event.getActivityInstanceId());
    }
  }

  private void variable(HistoricVariableUpdateEventEntity event) {
    boolean processScope = event.getProcessInstanceId() != null
        && event.getProcessInstanceId().equals(event.getExecutionId());
    if (!processScope || !ProgressProjection.shown(event.getVariableName())) {
      return;
    }
    Object value = "date".equals(event.getSerializerName()) && event.getLongValue() != null
        ? new Date(event.getLongValue()) : event.getTextValue();
    projection.variableSet(event.getProcessInstanceId(), event.getVariableName(), value);
  }

  /** A call of a shared part is no wait of its own: the part's task is the step (the watch runs beside them). */
  private static boolean callsPart(String processDefinitionId, String activityId) {
    var definition = Context.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedProcessDefinitionById(processDefinitionId);
    var activity = definition == null ? null : definition.findActivity(activityId);
    return activity != null && activity.getActivityBehavior() instanceof CallableElementActivityBehavior call
        && call.getCallableElement().getDefinitionKeyValueProvider() instanceof ElValueProvider key
        && CongressParts.isPart(key.getExpression().getExpressionText());
  }

  private static boolean is(HistoryEvent event, HistoryEventTypes type) {
    return type.getEventName().equals(event.getEventType());
  }
}
