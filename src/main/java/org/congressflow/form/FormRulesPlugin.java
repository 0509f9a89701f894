package org.congressflow.form;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.congressflow.document.DocumentRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Gives every user task of every deployed process the {@link FormRulesListener}, so the rules written once in
 * a task's form are checked on the server too (Tasklist's form-js validates only in the browser), and lets a
 * task be completed only with its form's fields ({@link CompletionGuard}).
 */
@Component
class FormRulesPlugin extends AbstractProcessEnginePlugin {

  private final FormRulesListener listener;
  private final CompletionGuard guard;

  FormRulesPlugin(@Value("${congressflow.forms.max-file-size:10MB}") DataSize maxFileSize,
      @Lazy DocumentRecord documents) {
    var forms = new DeployedForms();
    this.listener = new FormRulesListener(forms, new TaskFormCheck(maxFileSize.toBytes()), documents);
    this.guard = new CompletionGuard(forms);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTaskService(new GuardedTaskService(guard));
    configuration.setFormService(new GuardedFormService(guard));
    var listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener>()
        : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        var task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        task.addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
        // built in, so it runs before the model's own listeners: the form's rules are checked first
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}
