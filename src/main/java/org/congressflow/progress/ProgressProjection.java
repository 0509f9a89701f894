package org.congressflow.progress;

import java.sql.Timestamp;
import java.util.Date;
import java.util.Map;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.campaign.DueDates;
import org.congressflow.process.CongressParts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes the progress read model ({@code cf_progress}, {@code cf_progress_step}) from what the engine reports:
 * instances started and ended, the variables that name a congress and its deadline, steps opened and closed.
 * Used live by {@link ProgressHistoryHandler} and, with the same calls, by {@link ProgressRebuild}.
 */
@Repository
class ProgressProjection {

  static final String CAMPAIGN = "campaign";
  /** A shared part a congress called (gate, deadline watch): its steps are shown as the congress's own. */
  static final String PART = "part";
  /** Process definition key to the level shown on the dashboard; other processes are not tracked. */
  static final Map<String, String> LEVELS = Map.of(
      CampaignLauncher.PROCESS, CAMPAIGN,
      "cell-congress", "cell",
      "base-congress", "base",
      "district-congress", "district",
      CongressParts.GATE, PART,
      CongressParts.WATCH, PART,
      CongressParts.INTRODUCTION, PART);

  static final java.util.Set<String> SHOWN_VARIABLES =
      java.util.Set.of("campaignId", "campaignName", "organisationName", "congressDue");
  /** Where a congress waits without a task of its own: for called congresses, for a message. */
  static final java.util.Set<String> WAIT_ACTIVITY_TYPES = java.util.Set.of("callActivity", "intermediateMessageCatch");

  static final String TASK = "task";
  static final String WAIT = "wait";

  private final JdbcTemplate jdbc;
  private final CampaignOrder order;

  ProgressProjection(JdbcTemplate jdbc, CampaignOrder order) {
    this.jdbc = jdbc;
    this.order = order;
  }

  static boolean tracked(String processDefinitionKey) {
    return processDefinitionKey != null && LEVELS.containsKey(processDefinitionKey);
  }

  /**
   * A tracked instance started. The campaign instance's business key is the campaign id; a congress's business
   * key is its organisation id, its campaign is the one of its root instance, and a cell's parent is the
   * organisation of the base congress that called it.
   */
  void instanceStarted(String processInstanceId, String processDefinitionKey, String businessKey,
      String rootProcessInstanceId, String superProcessInstanceId, Date startTime) {
    String level = LEVELS.get(processDefinitionKey);
    if (level == null || businessKey == null) {
      return;
    }
    jdbc.update("delete from cf_progress where process_instance_id = ?", processInstanceId);
    if (PART.equals(level)) {
      jdbc.update("""
          insert into cf_progress (process_instance_id, campaign_id, organisation_id, level, super_process_instance_id,
            started_at)
          values (?, (select r.campaign_id from cf_progress r where r.process_instance_id = ?), ?, ?, ?, ?)""",
          processInstanceId, rootProcessInstanceId, businessKey, level, superProcessInstanceId, timestamp(startTime));
      return;
    }
    if (CAMPAIGN.equals(level)) {
      jdbc.update("""
          insert into cf_progress (process_instance_id, campaign_id, organisation_id, level, started_at)
          values (?, ?, ?, ?, ?)""", processInstanceId, businessKey, businessKey, level, timestamp(startTime));
      return;
    }
    String campaignId = jdbc.query("select campaign_id from cf_progress where process_instance_id = ?",
        rs -> rs.next() ? rs.getString(1) : null, rootProcessInstanceId);
    jdbc.update("""
        insert into cf_progress (process_instance_id, campaign_id, organisation_id, parent_id, level,
          super_process_instance_id, started_at, file_position)
        values (?, ?, ?, (select p.organisation_id from cf_progress p where p.process_instance_id = ? and p.level = 'base'),
          ?, ?, ?, ?)""",
        processInstanceId, campaignId, businessKey, superProcessInstanceId, level, superProcessInstanceId,
        timestamp(startTime), order.position(campaignId, businessKey));
  }

  void instanceEnded(String processInstanceId, Date endTime, String state) {
    jdbc.update("update cf_progress set ended_at = ?, end_state = ? where process_instance_id = ?",
        timestamp(endTime), state, processInstanceId);
    jdbc.update("delete from cf_progress_step where process_instance_id = ?", processInstanceId);
    jdbc.update("delete from cf_progress where process_instance_id = ? and level = ?", processInstanceId, PART);
  }

  /** A process-instance variable changed; only those the dashboard shows are kept. */
  void variableSet(String processInstanceId, String name, Object value) {
    switch (name) {
      case "campaignId" -> jdbc.update("update cf_progress set campaign_id = ? where process_instance_id = ?",
          value, processInstanceId);
      case "organisationName", "campaignName" -> jdbc.update("update cf_progress set name = ? where process_instance_id = ?",
          value, processInstanceId);
      case "congressDue" -> jdbc.update("update cf_progress set due_date = ? where process_instance_id = ?",
          value instanceof Date due ? java.sql.Date.valueOf(DueDates.today(due)) : null, processInstanceId);
      default -> { }
    }
  }

  static boolean shown(String variableName) {
    return SHOWN_VARIABLES.contains(variableName);
  }

  /**
   * A user task was created, or a congress started waiting without a task (id: activity instance id). A step of
   * a shared part is the step of the congress that called it.
   */
  void stepOpened(String id, String processInstanceId, String kind, String key, String name, Date due, Date start) {
    jdbc.update("delete from cf_progress_step where id = ?", id);
    jdbc.update("""
        insert into cf_progress_step (id, process_instance_id, kind, step_key, step_name, due_at, started_at)
        values (?, coalesce((select p.super_process_instance_id from cf_progress p
          where p.process_instance_id = ? and p.level = 'part'), ?), ?, ?, ?, ?, ?)""",
        id, processInstanceId, processInstanceId, kind, key, name, timestamp(due), timestamp(start));
  }

  void stepChanged(String id, String name, Date due) {
    jdbc.update("update cf_progress_step set step_name = ?, due_at = ? where id = ?", name, timestamp(due), id);
  }

  void stepClosed(String id) {
    jdbc.update("delete from cf_progress_step where id = ?", id);
  }

  void clear() {
    jdbc.update("delete from cf_progress_step");
    jdbc.update("delete from cf_progress");
  }

  private static Timestamp timestamp(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }
}
