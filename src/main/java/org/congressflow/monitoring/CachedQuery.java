package org.congressflow.monitoring;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A count read from the database for health and metrics, kept for a while: a scrape reads many gauges and a load
 * balancer asks for readiness every few seconds, and each must not cost a query. Read again once older than
 * {@code maxAge} by the engine's clock, so that a test moves time instead of waiting.
 */
public final class CachedQuery<T> {

  private final Duration maxAge;
  private final Supplier<T> query;
  private T value;
  private long readAt;

  public CachedQuery(Duration maxAge, Supplier<T> query) {
    this.maxAge = maxAge;
    this.query = query;
  }

  /** Counts by key from a query of (key, count) rows, such as {@code select status, count(*) ... group by status}. */
  public static CachedQuery<Map<String, Long>> countsBy(Duration maxAge, JdbcTemplate jdbc, Supplier<String> sql) {
    return new CachedQuery<>(maxAge, () -> {
      var counts = new TreeMap<String, Long>();
      jdbc.query(sql.get(), row -> {
        counts.put(row.getString(1), row.getLong(2));
      });
      return counts;
    });
  }

  /** The last result, or a new one if it is older than {@code maxAge}; a failed query is thrown, not kept. */
  public synchronized T get() {
    long now = ClockUtil.getCurrentTime().getTime();
    // a clock moved back (a test) makes the last result stale too
    if (value == null || now - readAt >= maxAge.toMillis() || now < readAt) {
      value = query.get();
      readAt = now;
    }
    return value;
  }
}
