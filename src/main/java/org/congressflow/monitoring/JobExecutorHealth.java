package org.congressflow.monitoring;

import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health {@code jobExecutor}, part of readiness (it takes the place of the Camunda starter's own): a node configured
 * to execute jobs ({@code camunda.bpm.job-execution.enabled}) is UP only while its job executor is active and its
 * acquisition thread alive, else timers and e-mail steps would wait without anyone seeing why. A node configured
 * without one is UP. The details add the jobs due and the jobs out of retries, of all nodes.
 */
@Component("jobExecutorHealthIndicator")
class JobExecutorHealth implements HealthIndicator {

  private final boolean enabled;
  private final Supplier<JobExecutor> jobExecutor;
  private final Supplier<EngineCounts.Jobs> jobs;

  @Autowired
  JobExecutorHealth(@Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled,
      ProcessEngineConfigurationImpl engine, EngineCounts counts) {
    this(enabled, engine::getJobExecutor, counts::jobs);
  }

  JobExecutorHealth(boolean enabled, Supplier<JobExecutor> jobExecutor, Supplier<EngineCounts.Jobs> jobs) {
    this.enabled = enabled;
    this.jobExecutor = jobExecutor;
    this.jobs = jobs;
  }

  @Override
  public Health health() {
    JobExecutor executor = jobExecutor.get();
    boolean active = executor != null && executor.isActive();
    Optional<Thread> acquisition = executor == null ? Optional.empty() : thread(executor.getName());
    boolean running = active && acquisition.map(Thread::isAlive).orElse(false);
    var details = new LinkedHashMap<String, Object>();
    details.put("enabled", enabled);
    details.put("active", active);
    details.put("acquisitionThread", acquisition.map(thread -> thread.getState().name()).orElse("none"));
    try {
      var counted = jobs.get();
      details.put("dueJobs", counted.due());
      details.put("jobsWithoutRetries", counted.withoutRetries());
    } catch (RuntimeException e) {
      // the database's own health (db) says why; the executor's state does not depend on the count
      details.put("jobs", "not counted: " + e.getClass().getSimpleName());
    }
    return (!enabled || running ? Health.up() : Health.down()).withDetails(details).build();
  }

  /** The job executor names its acquisition thread after itself. */
  private static Optional<Thread> thread(String name) {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() + 32];
    int count = root.enumerate(threads, true);
    for (int i = 0; i < count; i++) {
      if (name.equals(threads[i].getName())) {
        return Optional.of(threads[i]);
      }
    }
    return Optional.empty();
  }
}
