package org.congressflow.deadline;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.congressflow.monitoring.CachedQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox's e-mails by status, gauge {@code congressflow.mails} with tag {@code status} (pending, sending, sent,
 * failed, skipped), of all nodes: one count grouped by the indexed status, at most once per
 * {@code congressflow.monitoring.count-cache}.
 */
@Component
class OutboxMetrics implements MeterBinder {

  private static final List<String> STATUSES =
      List.of(MailOutbox.PENDING, MailOutbox.SENDING, MailOutbox.SENT, MailOutbox.FAILED, MailOutbox.SKIPPED);

  private final CachedQuery<Map<String, Long>> byStatus;

  OutboxMetrics(JdbcTemplate jdbc, @Value("${congressflow.monitoring.count-cache}") Duration maxAge) {
    this.byStatus = CachedQuery.countsBy(maxAge, jdbc,
        () -> "select status, count(*) from cf_notification group by status");
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String status : STATUSES) {
      Gauge.builder("congressflow.mails", byStatus, counts -> counts.get().getOrDefault(status, 0L))
          .tag("status", status).description("E-mails of the outbox (cf_notification) in this status, all nodes")
          .register(registry);
    }
  }
}
