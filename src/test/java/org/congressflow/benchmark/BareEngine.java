package org.congressflow.benchmark;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * The comparison: a bare Camunda 7.24 engine with every setting at its default (standalone configuration, its own
 * database), running plain processes, a user task for the launch and a timer for the sweep. Started the way the
 * engine's guide shows: one {@code startProcessInstanceByKey} after another.
 */
final class BareEngine implements AutoCloseable {

  private static final String PLAIN = "plain";
  private static final String TIMER = "plain-timer";
  private static final Instant BEFORE = Instant.parse("2020-01-01T00:00:00Z");
  private static final String DUE = "2020-02-01T00:00:00Z";

  private final BenchmarkOptions options;
  private final String database;
  private final ProcessEngine engine;

  BareEngine(BenchmarkOptions options) {
    this.options = options;
    this.database = options.databasePrefix() + "_bare";
    Databases.recreate(options, database);
    var configuration = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setJdbcUrl(options.url(database)).setJdbcUsername(options.user()).setJdbcPassword(options.password())
        .setJdbcDriver("org.postgresql.Driver")
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setProcessEngineName("bare");
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment()
        .addModelInstance(PLAIN + ".bpmn", Bpmn.createExecutableProcess(PLAIN).camundaHistoryTimeToLive(180)
            .startEvent().userTask("Work").endEvent().done())
        .addModelInstance(TIMER + ".bpmn", Bpmn.createExecutableProcess(TIMER).camundaHistoryTimeToLive(180)
            .startEvent().intermediateCatchEvent("Due").timerWithDate(DUE).endEvent().done())
        .deploy();
  }

  /** Seconds to start {@code count} plain instances, one after another. */
  double launch(int count) {
    long began = System.nanoTime();
    for (int i = 0; i < count; i++) {
      engine.getRuntimeService().startProcessInstanceByKey(PLAIN, "plain-" + i);
    }
    return seconds(began);
  }

  /**
   * {@code count} instances wait at a timer; the clock is moved past it and the default job executor started:
   * seconds until every timer has fired.
   */
  double sweep(int count) throws InterruptedException {
    ClockUtil.setCurrentTime(Date.from(BEFORE));
    try {
      for (int i = 0; i < count; i++) {
        engine.getRuntimeService().startProcessInstanceByKey(TIMER, "timer-" + i, Map.of());
      }
      ClockUtil.setCurrentTime(Date.from(Instant.parse(DUE).plusSeconds(86_400)));
      var jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
      long began = System.nanoTime();
      jobExecutor.start();
      try {
        while (engine.getManagementService().createJobQuery().timers().count() > 0) {
          Thread.sleep(200);
        }
        return seconds(began);
      } finally {
        jobExecutor.shutdown();
      }
    } finally {
      ClockUtil.reset();
    }
  }

  @Override
  public void close() {
    engine.close();
  }

  static double seconds(long beganNanos) {
    return (System.nanoTime() - beganNanos) / 1e9;
  }
}
