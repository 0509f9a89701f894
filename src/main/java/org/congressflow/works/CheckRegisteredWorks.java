package org.congressflow.works;

import static org.congressflow.works.WorksVariables.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.congressflow.campaign.DueDates;
import org.congressflow.form.FormValues;
import org.congressflow.process.Refusal;
import org.springframework.stereotype.Component;

/**
 * Completion of "register works": every row must be complete (the browser's checks are not enough); the list is kept
 * as JSON and counted per welcomed congress for the decision table. A bad row refuses the whole completion, with
 * every problem listed. The counts themselves are judged by the table, not here.
 */
@Component("checkRegisteredWorks")
class CheckRegisteredWorks implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    boolean isDistrict = LoadWorksOrganisation.DISTRICT_KIND.equals(task.getVariable(ORGANISATION_KIND));
    var dues = new Welcomed.CongressDues(day(task, OWN_CONGRESS_DUE), day(task, DISTRICT_CONGRESS_DUE),
        day(task, PROVINCIAL_CONGRESS_DUE));
    var rows = FormValues.array(task.getVariableTyped(WORKS), "Danh sách công trình");
    var problems = new ArrayList<String>();
    var works = new ArrayList<WelcomingWork>();
    for (int i = 0; i < rows.size(); i++) {
      var work = WelcomingWork.read(rows.get(i), i + 1, isDistrict, dues, problems);
      if (work != null) {
        works.add(work);
      }
    }
    if (!problems.isEmpty()) {
      throw new Refusal("Danh sách công trình chưa hợp lệ: " + String.join("; ", problems));
    }
    var list = FormValues.JSON.createArrayNode();
    works.forEach(work -> list.add(work.toJson()));
    task.setVariable(WORKS, FormValues.json(list));
    task.setVariable(TOTAL_WORKS, works.size());
    task.setVariable(PROVINCIAL_WORKS, count(works, Welcomed.PROVINCIAL));
    task.setVariable(DISTRICT_WORKS, count(works, Welcomed.DISTRICT));
  }

  private static int count(List<WelcomingWork> works, Welcomed welcomed) {
    return (int) works.stream().filter(work -> work.welcomes() == welcomed).count();
  }

  private static java.time.LocalDate day(DelegateTask task, String variable) {
    return DueDates.today((Date) task.getVariable(variable));
  }

  /** Reads the stored list back (after approval). */
  static List<WelcomingWork> storedList(Object worksVariable) {
    var rows = FormValues.array(worksVariable, WORKS);
    var works = new ArrayList<WelcomingWork>();
    for (var row : rows) {
      works.add(new WelcomingWork(row.path("name").asText(), row.path("description").asText(), row.path("kind").asText(),
          row.path("place").asText(), row.path("estimatedValue").asLong(),
          java.time.LocalDate.parse(row.path("expectedCompletion").asText()),
          Welcomed.fromCode("own".equals(row.path("welcomes").asText()) ? "base" : row.path("welcomes").asText()),
          java.time.LocalDate.parse(row.path("dueDate").asText())));
    }
    return works;
  }
}
