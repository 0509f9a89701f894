package org.congressflow.decision;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.spin.plugin.variable.SpinValues;
import org.congressflow.process.CongressParts;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Every user task of a congress that has gate decisions (its own, and those of the parts it calls) shows them: on creation the task gets its own
 * {@code gateHistory} (a task-local JSON list read from the decision record), which its form's history table
 * shows. A process variable of that name, whoever wrote it, is hidden behind the task's copy.
 */
@Component
class DecisionHistoryPlugin extends AbstractProcessEnginePlugin implements TaskListener {

  static final String GATE_HISTORY = "gateHistory";
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
      .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

  private final DecisionRecord record;

  DecisionHistoryPlugin(@Lazy DecisionRecord record) {
    this.record = record;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<BpmnParseListener>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_CREATE, DecisionHistoryPlugin.this);
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  @Override
  public void notify(DelegateTask task) {
    var gates = record.ofProcess(CongressParts.congressOf(task.getExecution()).getProcessInstanceId()).stream()
        .filter(decision -> Decision.GATE.equals(decision.kind())).toList();
    if (!gates.isEmpty()) {
      task.setVariableLocal(GATE_HISTORY, SpinValues.jsonValue(json(gates, record::nameOf)).create());
    }
  }

  /** The rows as the forms' history tables show them: Vietnamese step, decision and local time. */
  static String json(List<Decision> decisions, java.util.function.UnaryOperator<String> names) {
    var array = DecisionViews.JSON.createArrayNode();
    for (Decision d : decisions) {
      array.addObject()
          .put("task", d.step())
          .put("gate", d.stepName())
          .put("round", d.round())
          .put("decision", d.decision())
          .put("decisionName", DecisionViews.decisionName(d.decision()))
          .put("comment", d.comment() == null ? "" : d.comment())
          .put("by", names.apply(d.decidedBy()))
          .put("at", SHOWN.format(d.decidedAt()));
    }
    return array.toString();
  }
}
