package org.congressflow.organisation;

import java.util.LinkedHashSet;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Who may read a congress's process data (its variables, in Tasklist's list and forms) and its history (the
 * tasks so far and their comments, Tasklist's history tab and "Thêm ý kiến"): the groups that work on it, and
 * nobody else of another organisation. Their tasks themselves come from the candidate groups.
 */
@Component
public class CongressAccess {

  private final AuthorizationService authorizationService;

  CongressAccess(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  public void grantRead(String processInstanceId, CongressSetting setting) {
    var groups = new LinkedHashSet<String>();
    groups.add(setting.staffGroup());
    groups.add(setting.leadersGroup());
    groups.add(setting.superiorGroup());
    groups.add(setting.appraisalGroup());
    groups.add(setting.inspectionGroup());
    groups.add(setting.escalationGroup());
    groups.add(setting.standingGroup());
    for (String group : groups) {
      grant(group, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
      grant(group, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ);
    }
  }

  private void grant(String group, Resources resource, String resourceId, Permission permission) {
    Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(permission);
    authorizationService.saveAuthorization(authorization);
  }
}
