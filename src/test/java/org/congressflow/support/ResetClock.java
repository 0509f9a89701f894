package org.congressflow.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * After each test: the engine clock back to real time, and the test's running process instances removed (their
 * history stays), so that the timers of one test never fire in the next one that moves the clock.
 */
public class ResetClock implements AfterEachCallback {

  @Override
  public void afterEach(ExtensionContext context) {
    ClockUtil.reset();
    var runtime = SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class).getRuntimeService();
    var running = runtime.createProcessInstanceQuery().rootProcessInstances().list().stream()
        .map(instance -> instance.getId()).toList();
    if (!running.isEmpty()) {
      runtime.deleteProcessInstances(running, "test finished", true, true);
    }
  }
}
