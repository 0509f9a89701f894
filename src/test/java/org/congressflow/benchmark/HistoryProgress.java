package org.congressflow.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.congressflow.campaign.DueDates;

/**
 * The comparison of P3: the progress API's answer (counts per level by status, the first page of organisations with
 * their open step and their cells' counts) computed from Camunda's history tables instead of the read model, with
 * the indexes the engine creates; three statements, run over JDBC (no HTTP, no JSON, no login: the API's answer
 * carries those costs on top).
 */
final class HistoryProgress {

  private static final String CAMPAIGN_INSTANCES = """
      from act_hi_procinst p
      join act_hi_varinst c on c.proc_inst_id_ = p.id_ and c.execution_id_ = p.id_ and c.name_ = 'campaignId'
        and c.text_ = ?
      left join act_hi_varinst d on d.proc_inst_id_ = p.id_ and d.execution_id_ = p.id_ and d.name_ = 'congressDue'
      """;

  private HistoryProgress() {}

  /** Runs the three statements; returns the number of rows they gave (so nothing is optimised away). */
  static int answer(Connection db, String campaignId, LocalDate today, int pageSize) throws SQLException {
    long todayMillis = DueDates.endOf(today).getTime() - 86_399_000L;
    long soon = DueDates.endOf(today.plusDays(14)).getTime();
    int rows = 0;
    try (var counts = db.prepareStatement("""
        select p.proc_def_key_, count(*), count(p.end_time_),
          sum(case when p.end_time_ is null and d.long_ < ? then 1 else 0 end),
          sum(case when p.end_time_ is null and d.long_ >= ? and d.long_ <= ? then 1 else 0 end)
        """ + CAMPAIGN_INSTANCES + """
        where p.proc_def_key_ in ('cell-congress', 'base-congress', 'district-congress')
        group by p.proc_def_key_""")) {
      counts.setLong(1, todayMillis);
      counts.setLong(2, todayMillis);
      counts.setLong(3, soon);
      counts.setString(4, campaignId);
      try (var rs = counts.executeQuery()) {
        while (rs.next()) {
          rows++;
        }
      }
    }
    List<String> page = new ArrayList<>();
    try (var organisations = db.prepareStatement("""
        select p.id_, p.business_key_, n.text_, d.long_, p.end_time_,
          (select string_agg(t.name_, ', ') from act_hi_taskinst t
            where t.end_time_ is null and (t.proc_inst_id_ = p.id_ or t.proc_inst_id_ in (select s.id_
              from act_hi_procinst s where s.super_process_instance_id_ = p.id_ and s.proc_def_key_
              in ('approval-gate', 'deadline-watch'))))
        """ + CAMPAIGN_INSTANCES + """
        left join act_hi_varinst n on n.proc_inst_id_ = p.id_ and n.execution_id_ = p.id_
          and n.name_ = 'organisationName'
        where p.proc_def_key_ in ('base-congress', 'district-congress')
        order by p.proc_def_key_ desc, p.business_key_ limit ?""")) {
      organisations.setString(1, campaignId);
      organisations.setInt(2, pageSize);
      try (var rs = organisations.executeQuery()) {
        while (rs.next()) {
          page.add(rs.getString(1));
          rows++;
        }
      }
    }
    if (page.isEmpty()) {
      return rows;
    }
    try (var cells = db.prepareStatement("""
        select p.super_process_instance_id_, count(*), count(p.end_time_) from act_hi_procinst p
        where p.proc_def_key_ = 'cell-congress' and p.super_process_instance_id_ = any (?)
        group by p.super_process_instance_id_""")) {
      cells.setArray(1, db.createArrayOf("varchar", page.toArray()));
      try (var rs = cells.executeQuery()) {
        while (rs.next()) {
          rows++;
        }
      }
    }
    return rows;
  }
}
