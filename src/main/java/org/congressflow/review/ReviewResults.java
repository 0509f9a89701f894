package org.congressflow.review;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Decided quality levels in {@code cf_review_result}: one row for the organisation and one per member, per campaign,
 * organisation and year; counts per organisation and level for the dashboard.
 */
@Repository
public class ReviewResults {

  public static final String ORGANISATION = "organisation";
  public static final String MEMBER = "member";

  private final JdbcTemplate jdbc;

  ReviewResults(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** How many of an organisation's subjects (the organisation itself or its members) were decided at one level. */
  public record LevelCount(String organisationId, String subject, String level, int count) {}

  /** Replaces the organisation's results of the year (a decision taken again replaces the first). */
  void save(String campaignId, String organisationId, int year, String organisationName, String organisationLevel,
      String decidedBy, List<ReviewMember> members, String processInstanceId) {
    jdbc.update("delete from cf_review_result where campaign_id = ? and organisation_id = ? and review_year = ?",
        campaignId, organisationId, year);
    var now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    String insert = """
        insert into cf_review_result (campaign_id, organisation_id, review_year, subject, name, birth_year, position,
          cell, leader, district_managed, disciplined, self_level, level, decided_by, process_instance_id, recorded_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    jdbc.update(insert, campaignId, organisationId, year, ORGANISATION, organisationName, null, null, null, false, false,
        false, null, organisationLevel, decidedBy, processInstanceId, now);
    for (var m : members) {
      jdbc.update(insert, campaignId, organisationId, year, MEMBER, m.name(), m.birthYear(), m.position(), m.cell(),
          m.leader(), m.districtManaged(), m.disciplined(), m.selfLevel(), m.proposedLevel(), decidedBy,
          processInstanceId, now);
    }
  }

  void markPublished(String campaignId, String organisationId, int year, LocalDate publishedOn) {
    jdbc.update("update cf_review_result set published_on = ? where campaign_id = ? and organisation_id = ? and review_year = ?",
        Date.valueOf(publishedOn), campaignId, organisationId, year);
  }

  /** Counts per organisation, subject and level of a campaign's review year. */
  public List<LevelCount> levelCounts(String campaignId, int year) {
    return jdbc.query("""
        select organisation_id, subject, level, count(*) as n from cf_review_result
        where campaign_id = ? and review_year = ? group by organisation_id, subject, level
        order by organisation_id, subject, level""",
        (rs, i) -> new LevelCount(rs.getString("organisation_id"), rs.getString("subject"), rs.getString("level"),
            rs.getInt("n")), campaignId, year);
  }

  /** The decided level of one member (or of the organisation, by its name), or null. */
  public String levelOf(String campaignId, String organisationId, int year, String name) {
    return jdbc.queryForList("""
        select level from cf_review_result where campaign_id = ? and organisation_id = ? and review_year = ? and name = ?""",
        String.class, campaignId, organisationId, year, name).stream().findFirst().orElse(null);
  }

  public boolean published(String campaignId, String organisationId, int year) {
    return jdbc.queryForObject("""
        select count(*) from cf_review_result where campaign_id = ? and organisation_id = ? and review_year = ?
        and published_on is not null""", Integer.class, campaignId, organisationId, year) > 0;
  }
}
