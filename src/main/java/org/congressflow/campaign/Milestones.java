package org.congressflow.campaign;

import java.sql.Timestamp;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Campaign milestones that release congresses waiting for them ("PilotLessonsPublished",
 * "BaseCongressesCompleted"). A congress checks a milestone before it waits for its message; both the
 * check and the release lock the campaign row first, so a congress either sees the milestone or is
 * already waiting when the message goes out, whichever transaction commits first.
 */
@Component("milestones")
public class Milestones {

  private final JdbcTemplate jdbc;
  private final RuntimeService runtimeService;

  Milestones(JdbcTemplate jdbc, RuntimeService runtimeService) {
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
  }

  /** Used in gateway conditions: {@code ${milestones.reached(campaignId, 'PilotLessonsPublished')}}. */
  public boolean reached(String campaignId, String milestone) {
    lockCampaign(campaignId);
    return jdbc.queryForObject("select count(*) from cf_milestone where campaign_id = ? and name = ?",
        Integer.class, campaignId, milestone) > 0;
  }

  /** Records the milestone once and releases every congress of the campaign waiting for it. */
  public void reach(String campaignId, String milestone) {
    lockCampaign(campaignId);
    if (!reached(campaignId, milestone)) {
      jdbc.update("insert into cf_milestone (campaign_id, name, reached_at) values (?, ?, ?)",
          campaignId, milestone, new Timestamp(ClockUtil.getCurrentTime().getTime()));
    }
    runtimeService.createMessageCorrelation(milestone)
        .processInstanceVariableEquals("campaignId", campaignId)
        .correlateAllWithResult();
  }

  private void lockCampaign(String campaignId) {
    jdbc.queryForList("select id from cf_campaign where id = ? for update", String.class, campaignId);
  }
}
