package org.congressflow.security;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Gives the engine {@link OwnGroupsAuthorizationManager}, whose authorization checks look up the caller's own groups
 * only: the engine's reads every group id of the whole authorization table on each command, which with a task
 * authorization per candidate group is hundreds of thousands of rows at a province's or the country's size.
 */
@Component
class OwnGroupsAuthorizationPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var factories = configuration.getCustomSessionFactories() == null ? new ArrayList<SessionFactory>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new OwnGroupsAuthorizationManager();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }
}
