package org.congressflow.deadline;

import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.congressflow.process.CongressParts;
import org.springframework.stereotype.Component;

/** Where a congress stands: the steps it is at (open tasks, or what it waits for) and since when. */
@Component
class CongressSituation {

  /** A step the congress is at; {@code since} is null for a wait without a task. */
  record Step(String name, Date since, String taskId) {}

  private static final Set<String> WATCH_TASKS = Set.of("HandleMissedDeadline", "DecideMissedDeadline");

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;

  CongressSituation(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
  }

  /** The steps of a congress: its own open tasks and those of the parts it called (a gate's decision). */
  List<Step> currentSteps(String processInstanceId, String processDefinitionId) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceIdIn(withParts(processInstanceId)).list().stream()
        .filter(task -> !WATCH_TASKS.contains(task.getTaskDefinitionKey()))
        .sorted(Comparator.comparing(Task::getCreateTime)).toList();
    if (!tasks.isEmpty()) {
      return tasks.stream().map(task -> new Step(task.getName(), task.getCreateTime(), task.getId())).toList();
    }
    var model = repositoryService.getBpmnModelInstance(processDefinitionId);
    return runtimeService.getActiveActivityIds(processInstanceId).stream().distinct()
        .map(id -> (FlowElement) model.getModelElementById(id.replace("#multiInstanceBody", "")))
        .filter(element -> element != null && !isInWatch(element))
        .map(element -> new Step(element.getName(), null, null)).toList();
  }

  Task openTask(String processInstanceId, String taskDefinitionKey) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskDefinitionKey)
        .orderByTaskCreateTime().desc().list().stream().findFirst().orElse(null);
  }

  /** The congress and the shared parts it has running (its gate and its deadline watch). */
  String[] withParts(String processInstanceId) {
    var ids = new java.util.ArrayList<String>();
    ids.add(processInstanceId);
    runtimeService.createProcessInstanceQuery().superProcessInstanceId(processInstanceId)
        .processDefinitionKeyIn(CongressParts.KEYS.toArray(String[]::new)).list()
        .forEach(part -> ids.add(part.getId()));
    return ids.toArray(String[]::new);
  }

  private static boolean isInWatch(FlowElement element) {
    return element.getParentElement() instanceof FlowElement parent && "DeadlineWatch".equals(parent.getId());
  }
}
