package org.congressflow.personnel;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The record of the five steps (cf_nominee_meeting, cf_nominee_vote), written in the engine's transaction: every
 * meeting held and every nominee's count at it. What the personnel plan counts is read from here.
 */
@Component
class NomineeRecord {

  /** One meeting of one step as held; a round over 1 repeats a meeting that lacked its quorum. */
  record Meeting(long id, String campaignId, String organisationId, String congressId, String introductionId, int step,
      int round, LocalDate date, int convened, int present, boolean quorumMet, String quorumProblem, String recordedBy,
      Instant recordedAt) {}

  /** A nominee's secret-ballot count at a meeting. */
  record Vote(long meetingId, int position, String name, boolean reElection, int votes, boolean passed) {}

  private final JdbcTemplate jdbc;

  NomineeRecord(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Meeting record(Meeting meeting, List<Vote> votes) {
    var keys = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement statement = connection.prepareStatement("""
          insert into cf_nominee_meeting (campaign_id, organisation_id, congress_instance_id, introduction_instance_id,
            step, round, meeting_date, convened, present, quorum_met, quorum_problem, recorded_by, recorded_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
      statement.setString(1, meeting.campaignId());
      statement.setString(2, meeting.organisationId());
      statement.setString(3, meeting.congressId());
      statement.setString(4, meeting.introductionId());
      statement.setInt(5, meeting.step());
      statement.setInt(6, meeting.round());
      statement.setDate(7, java.sql.Date.valueOf(meeting.date()));
      statement.setInt(8, meeting.convened());
      statement.setInt(9, meeting.present());
      statement.setBoolean(10, meeting.quorumMet());
      statement.setString(11, meeting.quorumProblem());
      statement.setString(12, meeting.recordedBy());
      statement.setTimestamp(13, Timestamp.from(meeting.recordedAt()));
      return statement;
    }, keys);
    long id = keys.getKey().longValue();
    for (var vote : votes) {
      jdbc.update("insert into cf_nominee_vote (meeting_id, position, nominee_name, re_election, votes, passed)"
          + " values (?, ?, ?, ?, ?, ?)", id, vote.position(), vote.name(), vote.reElection(), vote.votes(), vote.passed());
    }
    return meeting;
  }

  int nextRound(String introductionId, int step) {
    Integer held = jdbc.queryForObject(
        "select count(*) from cf_nominee_meeting where introduction_instance_id = ? and step = ?", Integer.class,
        introductionId, step);
    return (held == null ? 0 : held) + 1;
  }

  /** Every meeting of one run of the five steps, in the order held. */
  List<Meeting> meetings(String introductionId) {
    return jdbc.query("select * from cf_nominee_meeting where introduction_instance_id = ? order by id",
        (rs, n) -> new Meeting(rs.getLong("id"), rs.getString("campaign_id"), rs.getString("organisation_id"),
            rs.getString("congress_instance_id"), rs.getString("introduction_instance_id"), rs.getInt("step"),
            rs.getInt("round"), rs.getDate("meeting_date").toLocalDate(), rs.getInt("convened"), rs.getInt("present"),
            rs.getBoolean("quorum_met"), rs.getString("quorum_problem"), rs.getString("recorded_by"),
            rs.getTimestamp("recorded_at").toInstant()), introductionId);
  }

  /** The counts of every meeting of one run, by meeting then position. */
  List<Vote> votes(String introductionId) {
    return jdbc.query("""
        select v.* from cf_nominee_vote v join cf_nominee_meeting m on m.id = v.meeting_id
        where m.introduction_instance_id = ? order by v.meeting_id, v.position""",
        (rs, n) -> new Vote(rs.getLong("meeting_id"), rs.getInt("position"), rs.getString("nominee_name"),
            rs.getBoolean("re_election"), rs.getInt("votes"), rs.getBoolean("passed")), introductionId);
  }

  /** The last run of the five steps of a congress that reached the end (a valid meeting of step 5), if any. */
  String lastCompletedIntroduction(String congressId) {
    return jdbc.query("""
        select introduction_instance_id from cf_nominee_meeting
        where congress_instance_id = ? and step = ? and quorum_met = true order by id desc fetch first 1 rows only""",
        (rs, n) -> rs.getString(1), congressId, IntroductionStep.LAST).stream().findFirst().orElse(null);
  }
}
