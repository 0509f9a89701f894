package org.congressflow.progress;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.congressflow.progress.CongressRow.Step;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the progress read model with a few aggregated, indexed queries per page view; never one query per
 * organisation and never an engine query.
 */
@Repository
class ProgressQueries {

  static final List<String> CONGRESS_LEVELS = List.of("cell", "base", "district");

  /** Counts of one level: total and by status; in progress is what is left. */
  record Counts(String level, int total, int done, int dueSoon, int overdue) {
    int inProgress() {
      return total - done - dueSoon - overdue;
    }
  }

  /** Which rows a query reads: a campaign, some levels, what the caller may see, optionally one subtree. */
  record Selection(String campaignId, List<String> levels, Visibility visibility, String organisationId) {
    Selection(String campaignId, List<String> levels, Visibility visibility) {
      this(campaignId, levels, visibility, null);
    }
  }

  /** The same rule as {@link CongressRow#status}: done, else overdue, else due soon, else in progress. */
  private static final String COUNTS = """
      count(*) as total,
      sum(case when p.ended_at is not null then 1 else 0 end) as done,
      sum(case when p.ended_at is null and p.due_date >= :today and p.due_date <= :soon then 1 else 0 end) as due_soon,
      sum(case when p.ended_at is null and p.due_date < :today then 1 else 0 end) as overdue""";

  /** Campaign-file order: district, then each base organisation followed by its cells; rows without one last. */
  private static final String ORDER = " order by p.file_position nulls last, p.organisation_id";

  private final NamedParameterJdbcTemplate jdbc;

  ProgressQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Map<String, Counts> counts(Selection selection, ProgressWindow window) {
    var params = params(selection, window);
    var counts = new LinkedHashMap<String, Counts>();
    jdbc.query("select p.level as grouped, " + COUNTS + " from cf_progress p where" + where(selection)
        + " group by p.level", params, rs -> {
          counts.put(rs.getString("grouped"), counts(rs, rs.getString("grouped")));
        });
    return counts;
  }

  /** Per base organisation among {@code parents}, the counts of its cells. */
  Map<String, Counts> cellCountsByParent(Selection selection, ProgressWindow window, List<String> parents) {
    var counts = new HashMap<String, Counts>();
    if (parents.isEmpty()) {
      return counts;
    }
    var cells = new Selection(selection.campaignId(), List.of("cell"), selection.visibility(), selection.organisationId());
    jdbc.query("select p.parent_id as grouped, " + COUNTS + " from cf_progress p where" + where(cells)
        + " and p.parent_id in (:parents) group by p.parent_id", params(cells, window).addValue("parents", parents),
        rs -> {
          counts.put(rs.getString("grouped"), counts(rs, "cell"));
        });
    return counts;
  }

  /** Every selected congress with its open steps, in campaign-file order: two queries, whatever the number. */
  List<CongressRow> rows(Selection selection) {
    return page(selection, 0, Integer.MAX_VALUE);
  }

  /**
   * One page of the selected congresses in campaign-file order (the index on the file position), with their open
   * steps: two queries whose cost follows the page, not the campaign.
   */
  List<CongressRow> page(Selection selection, long offset, int limit) {
    var params = params(selection, null);
    String paging = limit == Integer.MAX_VALUE ? "" : " limit " + limit + " offset " + offset;
    var rows = jdbc.query("select p.* from cf_progress p where" + where(selection) + ORDER + paging, params,
        (rs, n) -> row(rs, new ArrayList<>()));
    if (rows.isEmpty()) {
      return rows;
    }
    Map<String, List<Step>> steps = new HashMap<>();
    rows.forEach(row -> steps.put(row.processInstanceId(), row.steps()));
    String instances = paging.isEmpty()
        ? "join cf_progress p on p.process_instance_id = s.process_instance_id where" + where(selection)
        : "where s.process_instance_id in (:instances)";
    jdbc.query("select s.id, s.process_instance_id, s.kind, s.step_key, s.step_name from cf_progress_step s "
        + instances + " order by s.started_at, s.id", params.addValue("instances", List.copyOf(steps.keySet())),
        rs -> {
          var own = steps.get(rs.getString("process_instance_id"));
          if (own != null) {
            own.add(new Step(rs.getString("id"), rs.getString("process_instance_id"), rs.getString("kind"),
                rs.getString("step_key"), rs.getString("step_name")));
          }
        });
    return rows;
  }

  /** How many congresses the selection has (the pages of the dashboard's list). */
  long total(Selection selection) {
    Long total = jdbc.queryForObject("select count(*) from cf_progress p where" + where(selection),
        params(selection, null), Long.class);
    return total == null ? 0 : total;
  }

  /** The campaign process itself (lessons conference steps). */
  Optional<CongressRow> campaignRow(String campaignId) {
    return rows(new Selection(campaignId, List.of(ProgressProjection.CAMPAIGN), Visibility.ALL)).stream().findFirst();
  }

  Optional<Instant> milestoneReached(String campaignId, String milestone) {
    return jdbc.query("select reached_at from cf_milestone where campaign_id = :campaign and name = :name",
        new MapSqlParameterSource("campaign", campaignId).addValue("name", milestone),
        (rs, n) -> rs.getTimestamp("reached_at").toInstant()).stream().findFirst();
  }

  List<String> campaignIds() {
    return jdbc.queryForList("select id from cf_campaign order by started_at, id", Map.of(), String.class);
  }

  private static String where(Selection selection) {
    var sql = new StringBuilder(" p.campaign_id = :campaign and p.level in (:levels)");
    if (!selection.visibility().all()) {
      sql.append(" and (p.organisation_id in (:visible) or p.parent_id in (:visible))");
    }
    if (selection.organisationId() != null) {
      sql.append(" and (p.organisation_id = :organisation or p.parent_id = :organisation)");
    }
    return sql.toString();
  }

  private static MapSqlParameterSource params(Selection selection, ProgressWindow window) {
    var params = new MapSqlParameterSource("campaign", selection.campaignId())
        .addValue("levels", selection.levels())
        .addValue("organisation", selection.organisationId());
    if (!selection.visibility().all()) {
      params.addValue("visible", selection.visibility().organisations());
    }
    if (window != null) {
      params.addValue("today", Date.valueOf(window.today())).addValue("soon", Date.valueOf(window.dueSoonUntil()));
    }
    return params;
  }

  private static Counts counts(ResultSet rs, String level) throws SQLException {
    return new Counts(level, rs.getInt("total"), rs.getInt("done"), rs.getInt("due_soon"), rs.getInt("overdue"));
  }

  private static CongressRow row(ResultSet rs, List<Step> steps) throws SQLException {
    Date due = rs.getDate("due_date");
    Timestamp ended = rs.getTimestamp("ended_at");
    return new CongressRow(rs.getString("process_instance_id"), rs.getString("organisation_id"),
        rs.getString("parent_id"), rs.getString("level"), rs.getString("name"), due == null ? null : due.toLocalDate(),
        rs.getTimestamp("started_at").toInstant(), ended == null ? null : ended.toInstant(), steps);
  }
}
