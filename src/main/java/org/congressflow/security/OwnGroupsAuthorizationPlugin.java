package org.congressflow.security;

import java.sql.SQLException;
import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Gives the engine {@link OwnGroupsAuthorizationManager}, whose authorization checks look up the caller's own groups
 * only: the engine's reads every group id of the whole authorization table on each command, which with a task
 * authorization per candidate group is hundreds of thousands of rows at a province's or the country's size. And
 * indexes the table by user: every authorization check asks for "the user's or one of its groups' rows", and with
 * an index on the groups alone PostgreSQL reads the whole table for it.
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

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String table = configuration.getDatabaseTablePrefix() + "ACT_RU_AUTHORIZATION";
    try (var connection = configuration.getDataSource().getConnection();
        var statement = connection.createStatement()) {
      statement.execute("create index if not exists CF_IDX_AUTH_USER_ID on " + table + " (USER_ID_)");
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Cannot index " + table + " by user", e);
    }
  }
}
