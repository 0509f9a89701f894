package org.congressflow.progress;

import java.time.LocalDate;
import java.util.List;

/**
 * What {@code /api/campaigns/{id}/progress} answers: counts of the whole campaign, the pilot, one page of the
 * organisations, the deadlines.
 */
record ProgressView(
    String campaignId,
    String campaignName,
    LocalDate today,
    int dueSoonDays,
    boolean seesAll,
    List<LevelCount> counts,
    PilotView pilot,
    List<OrganisationView> organisations,
    List<DeadlineView> deadlines,
    PageView page,
    LaunchView launch) {

  /** Which page of the organisations this is ({@code number} from 0), of how many congresses in all. */
  record PageView(int number, int size, long total) {}

  /**
   * How far the campaign's launch has come: {@code started} of the {@code expected} instances (congresses, welcoming
   * works, quality reviews), {@code seconds} from its process's start to the last of them (or so far).
   */
  record LaunchView(long expected, long started, int percent, boolean finished, double seconds) {}

  record LevelCount(String level, String levelName, int total, int done, int inProgress, int dueSoon, int overdue) {}

  record DeadlineView(String key, String label, LocalDate date) {}

  record PilotView(String organisationId, String name, Status status, String statusName, String step,
      String lessonsStep, boolean lessonsPublished, LocalDate lessonsPublishedOn) {}

  /** One congress; {@code cells} counts its cells for a base organisation. */
  record OrganisationView(
      String organisationId,
      String name,
      String level,
      String levelName,
      String parentId,
      boolean pilot,
      Status status,
      String statusName,
      String step,
      LocalDate due,
      long daysLate,
      LocalDate startedOn,
      LocalDate endedOn,
      String processInstanceId,
      String taskId,
      String cockpitUrl,
      String tasklistUrl,
      LevelCount cells) {}

  /**
   * {@code /api/campaigns/{id}/organisations/{orgId}}: one congress, its open steps, its cells and every decision
   * about the organisation (from the decision record).
   */
  record OrganisationDetail(OrganisationView organisation, List<StepView> steps, List<OrganisationView> cells,
      List<DecisionView> decisions) {}

  /** A recorded decision as the dashboard shows it; the time is local (Asia/Ho_Chi_Minh). */
  record DecisionView(String step, String stepName, int round, String decision, String decisionName, String comment,
      LocalDate newDeadline, String directingMember, String decidedBy, java.time.LocalDateTime decidedAt) {}

  record StepView(String kind, String key, String name, String tasklistUrl) {}

  static String levelName(String level) {
    return switch (level) {
      case "cell" -> "Chi bộ trực thuộc";
      case "base" -> "Tổ chức cơ sở đảng";
      case "district" -> "Đảng bộ huyện";
      default -> level;
    };
  }
}
