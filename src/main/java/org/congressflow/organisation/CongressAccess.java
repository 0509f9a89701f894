package org.congressflow.organisation;

import java.util.LinkedHashSet;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Who may read a congress's process data (its variables, in Tasklist's list and forms): the groups that work
 * on it, and nobody else of another organisation. Their tasks themselves come from the candidate groups.
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
      Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(Resources.PROCESS_INSTANCE);
      authorization.setResourceId(processInstanceId);
      authorization.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(authorization);
    }
  }
}
