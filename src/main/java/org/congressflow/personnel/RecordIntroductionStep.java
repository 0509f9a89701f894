package org.congressflow.personnel;

import static org.congressflow.personnel.PersonnelVariables.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.congressflow.decision.DecisionRecord;
import org.congressflow.form.FormValues;
import org.congressflow.process.CongressParts;
import org.congressflow.process.Refusal;
import org.congressflow.rules.DecisionTables;
import org.springframework.stereotype.Component;

/**
 * Completion of a step of the five: the meeting (date, convened, present) and each nominee's secret-ballot count,
 * checked here whatever the browser did. The meeting's quorum and each nominee's majority are the decision tables'
 * (nominee-introduction-quorum, nominee-introduction-majority). The meeting is recorded also without its quorum
 * (it is then held again); at a valid meeting the nominees who passed go on to the next step. From step 2 on the
 * list is the one the previous step passed: nobody is added, dropped or re-flagged on the way.
 */
@Component("recordIntroductionStep")
class RecordIntroductionStep implements TaskListener {

  static final String QUORUM = "nominee-introduction-quorum";
  static final String MAJORITY = "nominee-introduction-majority";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final NomineeRecord record;
  private final DecisionTables decisionTables;
  private final DecisionRecord decisions;

  RecordIntroductionStep(NomineeRecord record, DecisionTables decisionTables, DecisionRecord decisions) {
    this.record = record;
    this.decisionTables = decisionTables;
    this.decisions = decisions;
  }

  private record Ballot(String name, boolean reElection, int votes) {}

  @Override
  public void notify(DelegateTask task) {
    var step = IntroductionStep.ofTask(task.getTaskDefinitionKey());
    String introductionId = task.getProcessInstanceId();
    var before = IntroductionOutcome.of(record, introductionId);
    var problems = new ArrayList<String>();
    LocalDate date = read(() -> FormValues.date(task.getVariable(MEETING_DATE), "Ngày họp"), problems);
    Long convened = read(() -> FormValues.number(task.getVariable(CONVENED), "Số người được triệu tập"), problems);
    Long present = read(() -> FormValues.number(task.getVariable(PRESENT), "Số người có mặt"), problems);
    if (date == null && problems.isEmpty()) {
      problems.add("Ngày họp: chưa nhập");
    }
    if (convened == null || convened < 1) {
      problems.add("Số người được triệu tập: phải từ 1 trở lên");
    }
    if (present == null || present < 0) {
      problems.add("Số người có mặt: chưa nhập");
    } else if (convened != null && present > convened) {
      problems.add("Số người có mặt (" + present + ") không được nhiều hơn số người được triệu tập (" + convened + ")");
    }
    var previous = before.lastMeeting().filter(m -> m.step() < step.number || !m.quorumMet());
    if (date != null && previous.isPresent() && date.isBefore(previous.get().date())) {
      problems.add("Ngày họp (" + DAY.format(date) + ") trước ngày họp lần trước (" + DAY.format(previous.get().date())
          + ")");
    }
    var ballots = ballots(task, step, before, present, problems);
    if (!problems.isEmpty()) {
      throw new Refusal("Biên bản \"" + task.getName() + "\" chưa hợp lệ: " + String.join("; ", problems) + ".");
    }

    var quorum = decisionTables.violations(QUORUM,
        Map.of("meetingKind", step.meetingKind, "convened", convened, "present", present));
    boolean quorumMet = quorum.isEmpty();
    var votes = new ArrayList<NomineeRecord.Vote>();
    var refused = new ArrayList<String>();
    var passedWith = new java.util.HashMap<Integer, Boolean>(); // the table once per count, not once per nominee
    for (int i = 0; i < ballots.size(); i++) {
      var ballot = ballots.get(i);
      boolean passed = quorumMet && passedWith.computeIfAbsent(ballot.votes(), count -> decisionTables.violations(
          MAJORITY, Map.of("nomineeName", ballot.name(), "convened", convened, "votes", count)).isEmpty());
      if (quorumMet && !passed) {
        refused.add(ballot.name() + " (" + ballot.votes() + "/" + convened + " phiếu)");
      }
      votes.add(new NomineeRecord.Vote(0, i + 1, ballot.name(), ballot.reElection(), ballot.votes(), passed));
    }
    var congress = CongressParts.congressOf(task.getExecution());
    int round = record.nextRound(introductionId, step.number);
    record.record(new NomineeRecord.Meeting(0, (String) congress.getVariable("campaignId"),
        (String) congress.getVariable("organisationId"), congress.getProcessInstanceId(), introductionId,
        step.number, round, date, convened.intValue(), present.intValue(), quorumMet,
        quorumMet ? null : String.join(" ", quorum), decisions.currentUser(task),
        ClockUtil.getCurrentTime().toInstant()), votes);

    var next = FormValues.JSON.createArrayNode();
    votes.stream().filter(vote -> vote.passed() || !quorumMet)
        .forEach(vote -> next.addObject().put("name", vote.name()).put("reElection", vote.reElection()));
    task.setVariable(BALLOTS, FormValues.json(next));
    task.setVariable(QUORUM_MET, quorumMet);
    task.setVariable(INTRODUCTION_NOTICE, quorumMet
        ? step.label + " (" + DAY.format(date) + ") hợp lệ; " + (refused.isEmpty()
            ? "mọi người được giới thiệu đều đạt trên 50% số người được triệu tập."
            : "không đạt trên 50% số người được triệu tập, dừng ở bước này: " + String.join(", ", refused) + ".")
        : step.label + ", lần " + round + " (" + DAY.format(date) + ") không hợp lệ: " + String.join(" ", quorum)
            + " Tổ chức lại hội nghị.");
    task.setVariables(IntroductionOutcome.displayVariables(IntroductionOutcome.of(record, introductionId)));
  }

  /**
   * The submitted rows: step 1 sets the list (re-election candidates first, then first-timers, each in the order
   * entered); later steps must hold exactly the nominees the previous step passed, in that order.
   */
  private List<Ballot> ballots(DelegateTask task, IntroductionStep step, IntroductionOutcome before, Long present,
      List<String> problems) {
    var rows = FormValues.array(task.getVariableTyped(BALLOTS), "Kết quả bỏ phiếu");
    var ballots = new ArrayList<Ballot>();
    var seen = new HashSet<String>();
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      String name = FormValues.text(row.get("name")).replaceAll("\\s+", " ");
      String label = name.isEmpty() ? "Người được giới thiệu thứ " + (i + 1) : name;
      if (name.isEmpty()) {
        problems.add(label + ": chưa nhập họ và tên");
      } else if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        problems.add(label + ": trùng tên trong danh sách");
      }
      Long votes = read(() -> FormValues.number(row.get("votes"), label + ": số phiếu giới thiệu"), problems);
      if (votes == null || votes < 0) {
        problems.add(label + ": chưa nhập số phiếu giới thiệu");
      } else if (present != null && votes > present) {
        problems.add(label + ": số phiếu giới thiệu (" + votes + ") nhiều hơn số người có mặt (" + present + ")");
      }
      ballots.add(new Ballot(name, FormValues.bool(row.get("reElection")), votes == null ? 0 : votes.intValue()));
    }
    if (step.number == 1) {
      if (rows.isEmpty()) {
        problems.add("Kết quả bỏ phiếu: danh sách người được giới thiệu chưa có ai");
      }
      // re-election candidates are introduced first, then those standing for the first time
      ballots.sort(Comparator.comparing(ballot -> !ballot.reElection()));
      return ballots;
    }
    var expected = before.passed(step.number - 1);
    Set<String> expectedNames = expected.stream().map(NomineeRecord.Vote::name).collect(Collectors.toSet());
    Set<String> givenNames = ballots.stream().map(Ballot::name).collect(Collectors.toSet());
    var missing = expected.stream().map(NomineeRecord.Vote::name).filter(name -> !givenNames.contains(name)).toList();
    var extra = ballots.stream().map(Ballot::name).filter(name -> !name.isEmpty() && !expectedNames.contains(name))
        .toList();
    if (!missing.isEmpty() || !extra.isEmpty()) {
      problems.add("Kết quả bỏ phiếu: danh sách phải đúng những người đã đạt ở bước trước"
          + (missing.isEmpty() ? "" : "; thiếu " + String.join(", ", missing))
          + (extra.isEmpty() ? "" : "; không có ở bước trước: " + String.join(", ", extra)));
      return ballots;
    }
    var byName = ballots.stream().collect(Collectors.toMap(Ballot::name, ballot -> ballot, (a, b) -> a));
    return expected.stream().map(vote -> new Ballot(vote.name(), vote.reElection(), byName.get(vote.name()).votes()))
        .toList();
  }

  private static <T> T read(java.util.function.Supplier<T> value, List<String> problems) {
    try {
      return value.get();
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return null;
    }
  }
}
