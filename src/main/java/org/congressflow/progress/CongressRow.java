package org.congressflow.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.congressflow.campaign.DueDates;

/** One congress as the read model has it, with the steps it is at now. */
record CongressRow(
    String processInstanceId,
    String organisationId,
    String parentId,
    String level,
    String name,
    LocalDate due,
    Instant startedAt,
    Instant endedAt,
    List<Step> steps) {

  /** An open user task ({@code kind} task, id = task id) or a wait without a task ({@code kind} wait). */
  record Step(String id, String processInstanceId, String kind, String key, String name) {}

  boolean done() {
    return endedAt != null;
  }

  LocalDate endedOn() {
    return endedAt == null ? null : endedAt.atZone(DueDates.ZONE).toLocalDate();
  }

  LocalDate startedOn() {
    return startedAt.atZone(DueDates.ZONE).toLocalDate();
  }

  /** The same rule as {@link ProgressQueries#counts}: done, else overdue, else due soon, else in progress. */
  Status status(ProgressWindow window) {
    if (done()) {
      return Status.DONE;
    }
    if (due != null && due.isBefore(window.today())) {
      return Status.OVERDUE;
    }
    if (due != null && !due.isAfter(window.dueSoonUntil())) {
      return Status.DUE_SOON;
    }
    return Status.IN_PROGRESS;
  }

  /** Days after the deadline: until the congress ended, or until today while it runs; 0 when on time. */
  long daysLate(ProgressWindow window) {
    if (due == null) {
      return 0;
    }
    LocalDate until = done() ? endedOn() : window.today();
    return Math.max(0, ChronoUnit.DAYS.between(due, until));
  }

  /** The step in Vietnamese: the open tasks, else what it waits for. */
  String stepText() {
    if (done()) {
      return "Đã hoàn thành";
    }
    var tasks = steps.stream().filter(s -> ProgressProjection.TASK.equals(s.kind())).map(Step::name).distinct().toList();
    if (!tasks.isEmpty()) {
      return String.join("; ", tasks);
    }
    var waits = steps.stream().map(Step::name).distinct().toList();
    return waits.isEmpty() ? "—" : "Chờ: " + String.join("; ", waits);
  }

  String openTaskId() {
    return steps.stream().filter(s -> ProgressProjection.TASK.equals(s.kind())).map(Step::id).findFirst().orElse(null);
  }
}
