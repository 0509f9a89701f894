package org.congressflow.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Camunda's webapps and REST API find the engine "default" in one registry per JVM, where the last application
 * context started (or the last one stopped) decides. Each test class's own context registers its engine again
 * before the class runs, so a webapp login reaches the engine, and the users, of the test that makes it.
 */
public class OwnEngineForWebapps extends AbstractTestExecutionListener {

  @Override
  public void prepareTestInstance(TestContext testContext) {
    var context = testContext.getApplicationContext();
    if (context.getBeanNamesForType(ProcessEngine.class).length > 0) {
      ProcessEngines.registerProcessEngine(context.getBean(ProcessEngine.class));
    }
  }
}
