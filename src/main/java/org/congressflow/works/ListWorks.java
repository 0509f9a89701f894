package org.congressflow.works;

import static org.congressflow.works.WorksVariables.*;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** End of the works: the organisation's list with each work's outcome, for the district's commendation. */
@Component("listWorks")
class ListWorks implements JavaDelegate {

  private final WelcomingWorks welcomingWorks;

  ListWorks(WelcomingWorks welcomingWorks) {
    this.welcomingWorks = welcomingWorks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var works = welcomingWorks.ofOrganisation((String) execution.getVariable(CAMPAIGN_ID),
        (String) execution.getVariable(ORGANISATION_ID));
    var money = NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN"));
    String summary = works.stream().map(work -> work.name() + " (" + work.place() + ", "
            + money.format(work.estimatedValue()) + " đồng): " + outcome(work))
        .collect(Collectors.joining("; "));
    execution.setVariable(WORKS_SUMMARY, works.size() + " công trình. " + summary);
  }

  static String outcome(WelcomingWorks.Work work) {
    if (WelcomingWorks.COMPLETED.equals(work.status())) {
      return "hoàn thành ngày " + work.completedOn().format(LoadWork.DAY)
          + ("inauguration".equals(work.completionKind()) ? ", đã khánh thành" : ", đã gắn biển")
          + (work.flaggedOverdue() ? " (quá hạn)" : "");
    }
    return "chưa hoàn thành, tiến độ " + work.progressPercent() + "%";
  }
}
