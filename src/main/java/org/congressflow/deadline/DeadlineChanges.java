package org.congressflow.deadline;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.congressflow.campaign.CampaignRegistry;
import org.congressflow.campaign.DueDates;
import org.congressflow.decision.DecisionRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a deadline of a running campaign for every congress of a level (as in spring 2020), keeping the reason:
 * the running congresses get the new date, their tasks and watch follow, and the change is recorded (the level's
 * change once, and each moved congress in the decision record).
 */
@Service
public class DeadlineChanges {

  /** The levels whose deadline can be moved, and the congress process of each. */
  static final Map<String, String> LEVELS = Map.of(
      "cell", "cell-congress", "pilot", "base-congress", "base", "base-congress", "district", "district-congress");

  private final RuntimeService runtimeService;
  private final DeadlineMove deadlineMove;
  private final CampaignRegistry campaigns;
  private final JdbcTemplate jdbc;
  private final DecisionRecord decisions;

  DeadlineChanges(RuntimeService runtimeService, DeadlineMove deadlineMove, CampaignRegistry campaigns,
      JdbcTemplate jdbc, DecisionRecord decisions) {
    this.decisions = decisions;
    this.runtimeService = runtimeService;
    this.deadlineMove = deadlineMove;
    this.campaigns = campaigns;
    this.jdbc = jdbc;
  }

  /** Returns how many running congresses were moved; refuses a bad request with a Vietnamese message. */
  @Transactional
  public int change(String campaignId, String level, LocalDate newDate, String reason, String userId) {
    if (!campaigns.exists(campaignId)) {
      throw new IllegalArgumentException("Không có đợt đại hội '" + campaignId + "'");
    }
    if (!LEVELS.containsKey(level)) {
      throw new IllegalArgumentException("Cấp (level) phải là một trong cell, pilot, base, district, không phải '"
          + level + "'");
    }
    if (newDate == null || !newDate.isAfter(DueDates.today(ClockUtil.getCurrentTime()))) {
      throw new IllegalArgumentException("Hạn mới (newDate) phải sau hôm nay");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("Phải ghi lý do thay đổi hạn (reason)");
    }
    var congresses = runtimeService.createProcessInstanceQuery().processDefinitionKey(LEVELS.get(level))
        .variableValueEquals("campaignId", campaignId);
    if (!level.equals("cell") && !level.equals("district")) {
      congresses.variableValueEquals("pilot", level.equals("pilot"));
    }
    var instances = congresses.list();
    for (var instance : instances) {
      deadlineMove.move(instance.getId(), newDate);
      decisions.recordDeadlineMove(campaignId, instance.getBusinessKey(), instance.getId(), LEVELS.get(level), newDate,
          reason, userId);
    }
    jdbc.update("""
        insert into cf_deadline_change (campaign_id, level, new_date, reason, changed_by, changed_at, congresses_moved)
        values (?, ?, ?, ?, ?, ?, ?)""", campaignId, level, java.sql.Date.valueOf(newDate), reason, userId,
        new Timestamp(ClockUtil.getCurrentTime().getTime()), instances.size());
    return instances.size();
  }
}
