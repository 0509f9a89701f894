package org.congressflow.congress;

import static org.congressflow.congress.CongressVariables.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.congressflow.campaign.DueDates;
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
    var result = new CongressResult(
        date(execution.getVariable(CONGRESS_DATE)),
        number(execution.getVariable(COMMITTEE_SIZE)),
        (String) execution.getVariable(SECRETARY),
        (String) execution.getVariable(DEPUTY_SECRETARIES),
        pilot,
        number(execution.getVariable(DELEGATES_ELECTED)));
    var problems = result.problems("base".equals(level));
    if (!problems.isEmpty()) {
      throw new ProcessEngineException("Kết quả đại hội chưa hợp lệ: " + String.join("; ", problems));
    }
    results.save((String) execution.getVariable(CAMPAIGN_ID), (String) execution.getVariable(ORGANISATION_ID), level,
        result, execution.getProcessInstanceId());
    execution.setVariable(CONGRESS_RESULTS, SpinValues.jsonValue(JSON.writeValueAsString(result)).create());
  }

  private static LocalDate date(Object value) {
    if (value instanceof Date date) {
      return DueDates.today(date);
    }
    if (value instanceof String text && !text.isBlank()) {
      try {
        return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
      } catch (java.time.format.DateTimeParseException e) {
        throw new ProcessEngineException("Ngày đại hội (congressDate) không hợp lệ: '" + text + "'");
      }
    }
    return null;
  }

  private static int number(Object value) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    if (value instanceof String text && !text.isBlank()) {
      try {
        return Integer.parseInt(text.trim());
      } catch (NumberFormatException e) {
        throw new ProcessEngineException("'" + text + "' không phải là số");
      }
    }
    return 0;
  }
}
