package org.congressflow.security;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Brings a database made before today's rules up to them, once, while the engine starts and before the web server
 * opens. Then the candidates of a task could UPDATE it (rewrite its variables); now they get TASK_WORK only. Then
 * a congress's groups could not read its history; now every group that may read a process instance reads its
 * history too (see organisation.CongressAccess). A new database has nothing to change and is marked done at once.
 */
@Component
class GrantUpgrade extends AbstractProcessEnginePlugin {

  /** The engine property (ACT_GE_PROPERTY) that says the grants of this database follow today's rules. */
  static final String DONE = "congressflow.grants-upgraded";

  /** What one upgrade changed. */
  record Changes(int taskGrantsReducedToWork, int historyGrantsAdded) {}

  private static final Logger log = LoggerFactory.getLogger(GrantUpgrade.class);
  private static final int PAGE = 500;

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var management = engine.getManagementService();
    if (management.getProperties().containsKey(DONE)) {
      return;
    }
    Changes changes = upgrade(engine.getAuthorizationService());
    management.setProperty(DONE, "1");
    log.info("Grants brought up to today's rules: {} task grants reduced to work, {} history grants added",
        changes.taskGrantsReducedToWork(), changes.historyGrantsAdded());
  }

  Changes upgrade(AuthorizationService authorizations) {
    return new Changes(reduceTaskGrantsToWork(authorizations), addHistoryGrants(authorizations));
  }

  /**
   * A grant on one task (the engine's grant to its candidates) with UPDATE loses UPDATE and gets TASK_WORK. Changed
   * grants leave the query's results, so pages shift: passes repeat until one changes nothing.
   */
  private static int reduceTaskGrantsToWork(AuthorizationService authorizations) {
    int changed = 0;
    for (int pass = reducePass(authorizations); pass > 0; pass = reducePass(authorizations)) {
      changed += pass;
    }
    return changed;
  }

  private static int reducePass(AuthorizationService authorizations) {
    int changed = 0;
    int kept = 0;
    while (true) {
      List<Authorization> page = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
          .authorizationType(Authorization.AUTH_TYPE_GRANT).hasPermission(Permissions.UPDATE)
          .orderByResourceId().asc().listPage(kept, PAGE);
      if (page.isEmpty()) {
        return changed;
      }
      for (Authorization grant : page) {
        if (Authorization.ANY.equals(grant.getResourceId()) || grant.isPermissionGranted(Permissions.ALL)) {
          kept++; // a grant on every task (administrators, monitoring) is configuration, not a candidate's
          continue;
        }
        grant.removePermission(Permissions.UPDATE);
        grant.addPermission(TaskPermissions.TASK_WORK);
        authorizations.saveAuthorization(grant);
        changed++;
      }
    }
  }

  /** Every group or user that may read one process instance gets to read its history. */
  private static int addHistoryGrants(AuthorizationService authorizations) {
    int added = 0;
    for (int first = 0; ; first += PAGE) {
      List<Authorization> page = authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
          .authorizationType(Authorization.AUTH_TYPE_GRANT).hasPermission(Permissions.READ)
          .orderByResourceId().asc().listPage(first, PAGE);
      if (page.isEmpty()) {
        return added;
      }
      for (Authorization grant : page) {
        if (!Authorization.ANY.equals(grant.getResourceId()) && !hasHistoryGrant(authorizations, grant)) {
          added += addHistoryGrant(authorizations, grant);
        }
      }
    }
  }

  private static boolean hasHistoryGrant(AuthorizationService authorizations, Authorization grant) {
    var query = authorizations.createAuthorizationQuery().resourceType(Resources.HISTORIC_PROCESS_INSTANCE)
        .resourceId(grant.getResourceId()).hasPermission(HistoricProcessInstancePermissions.READ);
    return (grant.getGroupId() != null ? query.groupIdIn(grant.getGroupId()) : query.userIdIn(grant.getUserId()))
        .count() > 0;
  }

  private static int addHistoryGrant(AuthorizationService authorizations, Authorization grant) {
    Authorization history = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    history.setGroupId(grant.getGroupId());
    history.setUserId(grant.getUserId());
    history.setResource(Resources.HISTORIC_PROCESS_INSTANCE);
    history.setResourceId(grant.getResourceId());
    history.addPermission(HistoricProcessInstancePermissions.READ);
    try {
      authorizations.saveAuthorization(history);
      return 1;
    } catch (ProcessEngineException grantedByAnotherNodeStartingNow) {
      log.debug("History grant on {} exists already", grant.getResourceId(), grantedByAnotherNodeStartingNow);
      return 0;
    }
  }
}
