package org.congressflow.congress;

import static org.congressflow.congress.CongressVariables.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.congressflow.form.FormValues;
import org.congressflow.process.Refusal;
import org.springframework.stereotype.Component;

/**
 * After a congress is held: checks the entered results, stores them for the campaign (delegates count towards
 * the next level) and keeps them as the JSON variable {@code congressResults}. Bad results roll back the
 * completion of the task with a message saying what is wrong.
 */
@Component("recordCongressResults")
class RecordCongressResults implements JavaDelegate {

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

  private final CongressResults results;

  RecordCongressResults(CongressResults results) {
    this.results = results;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    String level = (String) execution.getVariable(LEVEL);
    boolean pilot = Boolean.TRUE.equals(execution.getVariable(PILOT));
    CongressResult result;
    try {
      result = new CongressResult(
          FormValues.date(execution.getVariable(CONGRESS_DATE), "Ngày đại hội"),
          count(execution.getVariable(COMMITTEE_SIZE), "Số cấp ủy viên"),
          (String) execution.getVariable(SECRETARY),
          (String) execution.getVariable(DEPUTY_SECRETARIES),
          pilot,
          count(execution.getVariable(DELEGATES_ELECTED), "Số đại biểu"));
    } catch (IllegalArgumentException e) {
      throw new Refusal("Kết quả đại hội chưa hợp lệ: " + e.getMessage());
    }
    var problems = result.problems("base".equals(level));
    if (!problems.isEmpty()) {
      throw new Refusal("Kết quả đại hội chưa hợp lệ: " + String.join("; ", problems));
    }
    results.save((String) execution.getVariable(CAMPAIGN_ID), (String) execution.getVariable(ORGANISATION_ID), level,
        result, execution.getProcessInstanceId());
    execution.setVariable(CONGRESS_RESULTS, SpinValues.jsonValue(JSON.writeValueAsString(result)).create());
  }

  private static int count(Object value, String label) {
    Long number = FormValues.number(value, label);
    return number == null ? 0 : number.intValue();
  }
}
