package org.congressflow.personnel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.congressflow.form.FormValues;

/**
 * One run of the five steps as recorded: who is still on the list after each step, and the tables the forms show
 * (a row per nominee with the count of each step; a row per meeting, the repeated ones included).
 */
final class IntroductionOutcome {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final List<NomineeRecord.Meeting> meetings;
  private final List<NomineeRecord.Vote> votes;

  private IntroductionOutcome(List<NomineeRecord.Meeting> meetings, List<NomineeRecord.Vote> votes) {
    this.meetings = meetings;
    this.votes = votes;
  }

  static IntroductionOutcome of(NomineeRecord record, String introductionId) {
    return new IntroductionOutcome(record.meetings(introductionId), record.votes(introductionId));
  }

  /** The meeting of a step that had its quorum (there is at most one: a valid meeting ends the step). */
  Optional<NomineeRecord.Meeting> validMeeting(int step) {
    return meetings.stream().filter(m -> m.step() == step && m.quorumMet()).reduce((first, second) -> second);
  }

  Optional<NomineeRecord.Meeting> lastMeeting() {
    return meetings.isEmpty() ? Optional.empty() : Optional.of(meetings.get(meetings.size() - 1));
  }

  /** The nominees who passed a step, in their order (re-election candidates first). */
  List<NomineeRecord.Vote> passed(int step) {
    return validMeeting(step).map(meeting -> votes.stream().filter(v -> v.meetingId() == meeting.id() && v.passed())
        .toList()).orElse(List.of());
  }

  /** A row per nominee of step 1: name, re-election or first time, "votes/convened" at each valid step, result. */
  ArrayNode nomineeRows() {
    var rows = new LinkedHashMap<String, com.fasterxml.jackson.databind.node.ObjectNode>();
    for (int step = 1; step <= IntroductionStep.LAST; step++) {
      var meeting = validMeeting(step);
      if (meeting.isEmpty()) {
        break;
      }
      for (var vote : votesAt(meeting.get())) {
        var row = rows.computeIfAbsent(vote.name(), name -> FormValues.JSON.createObjectNode().put("name", name)
            .put("kind", vote.reElection() ? "Tái cử" : "Lần đầu").put("result", ""));
        row.put("step" + step, vote.votes() + "/" + meeting.get().convened() + (vote.passed() ? "" : " (không đạt)"));
        if (!vote.passed()) {
          row.put("result", "Không đạt ở b" + IntroductionStep.ofNumber(step).label.substring(1));
        } else if (step == IntroductionStep.LAST) {
          row.put("result", "Được giới thiệu");
        }
      }
    }
    var list = FormValues.JSON.createArrayNode();
    rows.values().forEach(list::add);
    return list;
  }

  /** A row per meeting held: step, round, date, convened, present, whether it was valid and why not. */
  ArrayNode meetingRows() {
    var list = FormValues.JSON.createArrayNode();
    for (var meeting : meetings) {
      list.addObject().put("step", IntroductionStep.ofNumber(meeting.step()).label).put("round", meeting.round())
          .put("date", DAY.format(meeting.date())).put("convened", meeting.convened()).put("present", meeting.present())
          .put("valid", meeting.quorumMet() ? "Hợp lệ" : "Không hợp lệ, tổ chức lại: " + meeting.quorumProblem());
    }
    return list;
  }

  private List<NomineeRecord.Vote> votesAt(NomineeRecord.Meeting meeting) {
    return votes.stream().filter(v -> v.meetingId() == meeting.id()).toList();
  }

  static Map<String, Object> displayVariables(IntroductionOutcome outcome) {
    return Map.of(PersonnelVariables.NOMINEE_VOTES, FormValues.json(outcome.nomineeRows()),
        PersonnelVariables.NOMINEE_MEETINGS, FormValues.json(outcome.meetingRows()));
  }
}
