package org.congressflow.support;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Camunda's webapps keep their state in registries of one per JVM, where the last application context started or
 * stopped decides: the engine "default" that the webapps and the REST API find, and the runtime of Tasklist, Cockpit,
 * Admin and Welcome (which a stopped application clears, so every webapp page of a cached context would answer 500,
 * and which caches the engine it first saw). Before each test class runs, its own context takes them back: a webapp
 * login reaches the engine, the users and the pages of the test that makes it, also after a test that started and
 * stopped an application of its own.
 */
public class OwnEngineForWebapps extends AbstractTestExecutionListener {

  @Override
  public void prepareTestInstance(TestContext testContext) {
    var context = testContext.getApplicationContext();
    if (context.getBeanNamesForType(ProcessEngine.class).length > 0) {
      ProcessEngines.registerProcessEngine(context.getBean(ProcessEngine.class));
      Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
      Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
      Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
      Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
    }
  }
}
