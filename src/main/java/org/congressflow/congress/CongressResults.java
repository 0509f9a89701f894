package org.congressflow.congress;

import java.sql.Date;
import java.sql.Timestamp;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Congress results kept in {@code cf_congress_result}: one row per organisation, the latest round. */
@Repository
public class CongressResults {

  private final JdbcTemplate jdbc;

  CongressResults(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void save(String campaignId, String organisationId, String level, CongressResult result, String processInstanceId) {
    jdbc.update("delete from cf_congress_result where campaign_id = ? and organisation_id = ?", campaignId, organisationId);
    jdbc.update("""
        insert into cf_congress_result (campaign_id, organisation_id, level, congress_date, committee_size, secretary,
          deputy_secretaries, secretary_elected_directly, delegates_elected, process_instance_id, recorded_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        campaignId, organisationId, level, Date.valueOf(result.congressDate()), result.committeeSize(),
        result.secretary(), result.deputySecretaries(), result.secretaryElectedDirectly(), result.delegatesElected(),
        processInstanceId, new Timestamp(ClockUtil.getCurrentTime().getTime()));
  }

  /** Delegates to the district congress elected at the base congresses of a campaign. */
  public int delegatesElectedAtBase(String campaignId) {
    Integer sum = jdbc.queryForObject(
        "select sum(delegates_elected) from cf_congress_result where campaign_id = ? and level = 'base'",
        Integer.class, campaignId);
    return sum == null ? 0 : sum;
  }

  public int count(String campaignId, String level) {
    return jdbc.queryForObject("select count(*) from cf_congress_result where campaign_id = ? and level = ?",
        Integer.class, campaignId, level);
  }
}
