package org.congressflow.personnel;

import static org.congressflow.personnel.PersonnelVariables.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.congressflow.campaign.CampaignRegistry;
import org.congressflow.form.FormValues;
import org.congressflow.process.CongressParts;
import org.congressflow.process.Refusal;
import org.congressflow.rules.DecisionTables;
import org.springframework.stereotype.Component;

/**
 * Completion of the personnel plan: its nominees are those who passed the five steps (read from the record, never
 * from the form), and its structure must hold the rules of the decision table personnel-plan-structure with the
 * campaign's values (rules.personnel of the campaign file). A rule the table allows an exception to passes only with
 * a stated reason, which the appraisers and the superior's gate are shown; any other broken rule refuses the plan.
 */
@Component("checkPersonnelPlan")
class CheckPersonnelPlan implements TaskListener {

  static final String STRUCTURE = "personnel-plan-structure";

  private final NomineeRecord record;
  private final DecisionTables decisionTables;
  private final CampaignRegistry campaigns;

  CheckPersonnelPlan(NomineeRecord record, DecisionTables decisionTables, CampaignRegistry campaigns) {
    this.record = record;
    this.decisionTables = decisionTables;
    this.campaigns = campaigns;
  }

  @Override
  public void notify(DelegateTask task) {
    String introduction = record.lastCompletedIntroduction(task.getProcessInstanceId());
    if (introduction == null) {
      throw new Refusal("Phương án nhân sự chưa thể trình: chưa hoàn thành quy trình 5 bước giới thiệu nhân sự.");
    }
    var outcome = IntroductionOutcome.of(record, introduction);
    int nominees = outcome.passed(IntroductionStep.LAST).size();
    var problems = new ArrayList<String>();
    long seats = count(task, SEATS, "Số lượng cấp ủy viên dự kiến", problems);
    long women = count(task, WOMEN, "Trong đó nữ", problems);
    long young = count(task, YOUNG, "Trong đó dưới 40 tuổi", problems);
    long standingWomen = count(task, STANDING_COMMITTEE_WOMEN, "Số nữ dự kiến trong Ban Thường vụ", problems);
    if (women > nominees) {
      problems.add("Trong đó nữ (" + women + ") nhiều hơn số người được giới thiệu qua 5 bước (" + nominees + ")");
    }
    if (young > nominees) {
      problems.add("Trong đó dưới 40 tuổi (" + young + ") nhiều hơn số người được giới thiệu qua 5 bước (" + nominees
          + ")");
    }
    if (!problems.isEmpty()) {
      throw new Refusal("Phương án nhân sự chưa hợp lệ: " + String.join("; ", problems) + ".");
    }

    String level = "district-congress".equals(CongressParts.keyOf(task.getProcessDefinitionId())) ? "district" : "base";
    var rules = campaigns.definition((String) task.getVariable("campaignId")).personnelRules();
    var inputs = new HashMap<String, Object>();
    inputs.put("seats", seats);
    inputs.put("nominees", nominees);
    inputs.put("womenNominees", women);
    inputs.put("standingCommitteeWomen", standingWomen);
    inputs.put("youngNominees", young);
    inputs.put("womenMinPercent", rules.womenMinPercent());
    inputs.put("standingCommitteeWomenMin", rules.standingCommitteeWomenMin());
    inputs.put("youngMinPercent", rules.youngMinPercent().getOrDefault(level, 0));
    inputs.put("overNominationMaxPercent", rules.overNominationMaxPercent());
    inputs.put("committeeSizeMin", rules.committeeSizeMin().getOrDefault(level, 1));
    inputs.put("committeeSizeMax", rules.committeeSizeMax().getOrDefault(level, Integer.MAX_VALUE));
    var refused = new ArrayList<String>();
    var excepted = new ArrayList<String>();
    for (Map<String, Object> match : decisionTables.matches(STRUCTURE, inputs)) {
      (Boolean.TRUE.equals(match.get("exceptionAllowed")) ? excepted : refused)
          .add((String) match.get(DecisionTables.VIOLATION));
    }
    String reason = FormValues.text(task.getVariable(EXCEPTION_REASON));
    if (!refused.isEmpty() || (!excepted.isEmpty() && reason.isEmpty())) {
      throw new Refusal("Phương án nhân sự không đạt cơ cấu: " + String.join(" ", refused)
          + (refused.isEmpty() || excepted.isEmpty() ? "" : " ") + String.join(" ", excepted)
          + (excepted.isEmpty() ? "" : " Nếu vẫn trình với cơ cấu này, ghi rõ lý do ở trường \"Lý do ngoại lệ về cơ cấu\"."));
    }
    task.setVariable(NOMINEES_COUNT, nominees);
    task.setVariable(PERSONNEL_EXCEPTIONS, excepted.isEmpty() ? "Phương án đạt các tiêu chí cơ cấu."
        : "Ngoại lệ về cơ cấu: " + String.join(" ", excepted) + " Lý do: " + reason);
    task.setVariables(IntroductionOutcome.displayVariables(outcome));
  }

  private static long count(DelegateTask task, String variable, String label, List<String> problems) {
    try {
      Long value = FormValues.number(task.getVariable(variable), label);
      if (value == null || value < 0) {
        problems.add(label + ": chưa nhập");
        return 0;
      }
      return value;
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return 0;
    }
  }
}
