package org.congressflow.monitoring;

import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * Counts the jobs this node has executed, by outcome, since it started: the engine's own meters {@code
 * job-successful} (a job's transaction committed) and {@code job-failed} (an attempt failed; a job with 3 retries
 * may fail 3 times), seen as the engine marks them. The engine's registry is cleared each time its reporter writes
 * the meters to ACT_RU_METER_LOG (every 15 minutes), so it cannot be read for a counter that only grows; this one is.
 */
@Component
class JobOutcomes extends AbstractProcessEnginePlugin {

  private final LongAdder successful = new LongAdder();
  private final LongAdder failed = new LongAdder();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setMetricsRegistry(new MetricsRegistry() {
      @Override
      public void markOccurrence(String name, long times) {
        super.markOccurrence(name, times);
        if (Metrics.JOB_SUCCESSFUL.equals(name)) {
          successful.add(times);
        } else if (Metrics.JOB_FAILED.equals(name)) {
          failed.add(times);
        }
      }
    });
  }

  long successful() {
    return successful.sum();
  }

  long failed() {
    return failed.sum();
  }
}
