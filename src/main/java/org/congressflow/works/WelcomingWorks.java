package org.congressflow.works;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The approved welcoming works of a campaign, one row per work in {@code cf_welcoming_work}: progress, warnings,
 * completion or overdue flag, commendation. Queryable by campaign, organisation and status for the dashboard.
 */
@Repository("welcomingWorks")
public class WelcomingWorks {

  public static final String APPROVED = "approved";
  public static final String COMPLETED = "completed";
  public static final String OVERDUE = "overdue";

  private final JdbcTemplate jdbc;

  WelcomingWorks(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One approved work as the dashboard and the process see it. */
  public record Work(long id, String organisationId, String name, String kind, String place, long estimatedValue,
      String welcomes, LocalDate dueDate, String status, int progressPercent, boolean warned, boolean flaggedOverdue,
      LocalDate completedOn, String completionKind, String commendation) {}

  /** Replaces the organisation's approved list (a list approved again after a send-back replaces the first). */
  void replaceApproved(String campaignId, String organisationId, List<WelcomingWork> works, String processInstanceId) {
    jdbc.update("delete from cf_welcoming_work where campaign_id = ? and organisation_id = ?", campaignId, organisationId);
    int position = 0;
    for (var work : works) {
      jdbc.update("""
          insert into cf_welcoming_work (campaign_id, organisation_id, position, name, description, kind, place,
            estimated_value, expected_completion, welcomes, due_date, status, progress_percent, process_instance_id,
            approved_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""",
          campaignId, organisationId, ++position, work.name(), work.description(), work.kind(), work.place(),
          work.estimatedValue(), Date.valueOf(work.expectedCompletion()), work.welcomes().code,
          Date.valueOf(work.dueDate()), APPROVED, processInstanceId, now());
    }
  }

  /** The ids of an organisation's approved works, in registration order: one welcoming-work process each. */
  public List<Long> ids(String campaignId, String organisationId) {
    return jdbc.queryForList("select id from cf_welcoming_work where campaign_id = ? and organisation_id = ? order by position",
        Long.class, campaignId, organisationId);
  }

  public Work work(long workId) {
    return jdbc.queryForObject(SELECT + " where id = ?", (rs, i) -> map(rs), workId);
  }

  public List<Work> ofOrganisation(String campaignId, String organisationId) {
    return jdbc.query(SELECT + " where campaign_id = ? and organisation_id = ? order by position", (rs, i) -> map(rs),
        campaignId, organisationId);
  }

  public List<Work> ofCampaign(String campaignId) {
    return jdbc.query(SELECT + " where campaign_id = ? order by organisation_id, position", (rs, i) -> map(rs), campaignId);
  }

  void recordProgress(long workId, int percent, String note) {
    jdbc.update("update cf_welcoming_work set progress_percent = ?, progress_note = ? where id = ?", percent, note, workId);
  }

  void markWarned(long workId) {
    jdbc.update("update cf_welcoming_work set warned_at = ? where id = ? and warned_at is null", now(), workId);
  }

  void flagOverdue(long workId) {
    jdbc.update("update cf_welcoming_work set status = ?, overdue_at = ? where id = ? and status = ?",
        OVERDUE, now(), workId, APPROVED);
  }

  void recordCompletion(long workId, LocalDate completedOn, String kind, String note) {
    jdbc.update("""
        update cf_welcoming_work set status = ?, progress_percent = 100, completed_on = ?, completion_kind = ?,
          completion_note = ? where id = ?""", COMPLETED, Date.valueOf(completedOn), kind, note, workId);
  }

  void commendCompleted(String campaignId, String organisationId, String commendation) {
    jdbc.update("update cf_welcoming_work set commendation = ? where campaign_id = ? and organisation_id = ? and status = ?",
        commendation, campaignId, organisationId, COMPLETED);
  }

  private static final String SELECT = """
      select id, organisation_id, name, kind, place, estimated_value, welcomes, due_date, status, progress_percent,
        warned_at, overdue_at, completed_on, completion_kind, commendation from cf_welcoming_work""";

  private static Work map(java.sql.ResultSet rs) throws java.sql.SQLException {
    var completed = rs.getDate("completed_on");
    return new Work(rs.getLong("id"), rs.getString("organisation_id"), rs.getString("name"), rs.getString("kind"),
        rs.getString("place"), rs.getLong("estimated_value"), rs.getString("welcomes"),
        rs.getDate("due_date").toLocalDate(), rs.getString("status"), rs.getInt("progress_percent"),
        rs.getTimestamp("warned_at") != null, rs.getTimestamp("overdue_at") != null,
        completed == null ? null : completed.toLocalDate(), rs.getString("completion_kind"), rs.getString("commendation"));
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }
}
