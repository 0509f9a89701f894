package org.congressflow.works;

import static org.congressflow.works.WorksVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.congressflow.form.FormValues;
import org.congressflow.process.Refusal;
import org.springframework.stereotype.Component;

/** The district commends an organisation's completed works: the form of commendation is kept on each of them. */
@Component("commendWorks")
class CommendWorks implements TaskListener {

  private final WelcomingWorks welcomingWorks;

  CommendWorks(WelcomingWorks welcomingWorks) {
    this.welcomingWorks = welcomingWorks;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!FormValues.bool(task.getVariable(COMMENDED))) {
      return;
    }
    String commendation = FormValues.text(task.getVariable(COMMENDATION));
    if (commendation.isEmpty()) {
      throw new Refusal("Ghi hình thức biểu dương, khen thưởng");
    }
    welcomingWorks.commendCompleted((String) task.getVariable(CAMPAIGN_ID), (String) task.getVariable(ORGANISATION_ID),
        commendation);
  }
}
