package org.congressflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/** The job executor's health, part of readiness: a node configured to execute jobs is ready only while it does. */
class JobExecutorHealthTest {

  private final JobExecutor executor = new DefaultJobExecutor();
  private final EngineCounts.Jobs counted = new EngineCounts.Jobs(4, 1);

  @AfterEach
  void stop() {
    if (executor.isActive()) {
      executor.shutdown();
    }
  }

  @Test
  void aJobExecutorConfiguredOnButNotRunningIsDownAndRunningItIsUp() {
    var health = new JobExecutorHealth(true, () -> executor, () -> counted);

    assertThat(health.health().getStatus()).as("configured on, not started").isEqualTo(Status.DOWN);
    assertThat(health.health().getDetails()).containsEntry("active", false).containsEntry("acquisitionThread", "none");

    executor.start();
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    assertThat(health.health().getDetails()).containsEntry("enabled", true).containsEntry("active", true)
        .containsEntry("dueJobs", 4L).containsEntry("jobsWithoutRetries", 1L);
    assertThat((String) health.health().getDetails().get("acquisitionThread")).isIn("RUNNABLE", "TIMED_WAITING",
        "WAITING", "BLOCKED");

    executor.shutdown();
    assertThat(health.health().getStatus()).as("stopped").isEqualTo(Status.DOWN);
  }

  @Test
  void aNodeConfiguredWithoutJobExecutorIsUp() {
    var health = new JobExecutorHealth(false, () -> executor, () -> counted);

    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    assertThat(health.health().getDetails()).containsEntry("enabled", false).containsEntry("active", false);
  }

  @Test
  void jobsThatCannotBeCountedLeaveTheExecutorsOwnStatus() {
    executor.start();
    var health = new JobExecutorHealth(true, () -> executor, () -> {
      throw new IllegalStateException("database gone");
    });

    assertThat(health.health().getStatus()).as("the database's own health says it").isEqualTo(Status.UP);
    assertThat(health.health().getDetails()).containsEntry("jobs", "not counted: IllegalStateException");
  }
}
