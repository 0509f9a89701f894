package org.congressflow.monitoring;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the engine's tables say of all nodes: jobs due and jobs out of retries, open incidents by type. Read with
 * plain SQL rather than the engine's queries, so that no user's authorizations ever filter them; each read is one
 * pass over ACT_RU_JOB or ACT_RU_INCIDENT, the first as the job executor's own acquisition makes, and is kept for
 * {@code congressflow.monitoring.count-cache}.
 */
@Component
class EngineCounts {

  /** Jobs whose time has come and that have retries left (running or waiting for a job executor), and jobs without. */
  record Jobs(long due, long withoutRetries) {}

  private final JdbcTemplate jdbc;
  private final ProcessEngineConfigurationImpl engine;
  private final CachedQuery<Jobs> jobs;
  private final CachedQuery<Map<String, Long>> incidents;

  EngineCounts(JdbcTemplate jdbc, ProcessEngineConfigurationImpl engine,
      @Value("${congressflow.monitoring.count-cache}") Duration maxAge) {
    this.jdbc = jdbc;
    this.engine = engine;
    this.jobs = new CachedQuery<>(maxAge, this::countJobs);
    this.incidents = CachedQuery.countsBy(maxAge, jdbc, () -> "select INCIDENT_TYPE_, count(*) from "
        + table("INCIDENT") + " where ID_ = ROOT_CAUSE_INCIDENT_ID_ group by INCIDENT_TYPE_");
  }

  Jobs jobs() {
    return jobs.get();
  }

  /** Open incidents by type, each counted once where it arose, not again on every process above it. */
  Map<String, Long> openIncidents() {
    return incidents.get();
  }

  private Jobs countJobs() {
    return jdbc.queryForObject("select count(case when RETRIES_ > 0 and (DUEDATE_ is null or DUEDATE_ <= ?)"
        + " and SUSPENSION_STATE_ = 1 then 1 end), count(case when RETRIES_ = 0 then 1 end) from " + table("JOB"),
        (row, n) -> new Jobs(row.getLong(1), row.getLong(2)), new Timestamp(ClockUtil.getCurrentTime().getTime()));
  }

  /** A runtime table of the engine, with the prefix the engine was given (read when the engine has been built). */
  private String table(String name) {
    String prefix = engine.getDatabaseTablePrefix();
    return (prefix == null ? "" : prefix) + "ACT_RU_" + name;
  }
}
