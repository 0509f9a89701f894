package org.congressflow.monitoring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * The engine's metrics (README, "Health and metrics"): jobs executed on this node by outcome, counters that only
 * grow while it runs (sum them over the nodes); jobs due, jobs out of retries and open incidents by type, gauges
 * of the whole database (the same on every node).
 */
@Component
class EngineMetrics implements MeterBinder {

  private final JobOutcomes outcomes;
  private final EngineCounts counts;
  private final Set<String> incidentTypes = ConcurrentHashMap.newKeySet();
  private MeterRegistry registry;

  EngineMetrics(JobOutcomes outcomes, EngineCounts counts) {
    this.outcomes = outcomes;
    this.counts = counts;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
    counter(registry, "successful", JobOutcomes::successful);
    counter(registry, "failed", JobOutcomes::failed);
    Gauge.builder("congressflow.jobs.due", counts, c -> c.jobs().due())
        .description("Jobs whose due time has come, with retries left, not suspended (all nodes)").register(registry);
    Gauge.builder("congressflow.jobs.without.retries", counts, c -> c.jobs().withoutRetries())
        .description("Jobs that failed with no retries left, each with a failedJob incident (all nodes)")
        .register(registry);
    incidents(Incident.FAILED_JOB_HANDLER_TYPE);
  }

  private void counter(MeterRegistry registry, String outcome, ToDoubleFunction<JobOutcomes> count) {
    FunctionCounter.builder("congressflow.jobs.executed", outcomes, count).tag("outcome", outcome)
        .description("Job executions on this node since it started, by outcome (Camunda's job-successful and"
            + " job-failed)").register(registry);
  }

  /** One gauge per incident type, from the first time the type is seen. */
  private void incidents(String type) {
    if (incidentTypes.add(type)) {
      Gauge.builder("congressflow.incidents.open", counts, c -> openIncidents(c, type)).tag("type", type)
          .description("Open incidents of this type, each counted once where it arose (all nodes)").register(registry);
    }
  }

  private double openIncidents(EngineCounts counts, String type) {
    var byType = counts.openIncidents();
    byType.keySet().forEach(this::incidents);
    return byType.getOrDefault(type, 0L);
  }
}
