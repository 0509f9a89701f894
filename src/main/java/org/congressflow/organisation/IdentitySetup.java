package org.congressflow.organisation;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.congressflow.campaign.CampaignDefinition;
import org.springframework.stereotype.Component;

/**
 * Creates the groups of a campaign and the authorizations every user needs to work in Tasklist; managers
 * get read-only Cockpit. Task access itself comes from candidate groups, never from a grant on all tasks.
 */
@Component
public class IdentitySetup {

  static final String ORGANISATION_FILTER = "Việc của đơn vị";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;

  IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
  }

  /** Idempotent: existing groups, grants and filters are left as they are. */
  public void setUp(CampaignDefinition campaign) {
    for (var spec : CampaignGroups.of(campaign)) {
      if (identityService.createGroupQuery().groupId(spec.id()).count() == 0) {
        var group = identityService.newGroup(spec.id());
        group.setName(spec.name());
        group.setType("WORKFLOW");
        identityService.saveGroup(group);
      }
    }
    grantEveryone(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grantEveryone(Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    grantEveryone(Resources.FILTER, organisationFilter(), Permissions.READ);
    grantManagers();
  }

  private void grantManagers() {
    var readOnly = Map.<Resource, Permission[]>of(
        Resources.PROCESS_DEFINITION, new Permission[] {Permissions.READ, Permissions.READ_INSTANCE,
            Permissions.READ_HISTORY, Permissions.READ_TASK},
        Resources.PROCESS_INSTANCE, new Permission[] {Permissions.READ},
        Resources.TASK, new Permission[] {Permissions.READ},
        Resources.DECISION_DEFINITION, new Permission[] {Permissions.READ, Permissions.READ_HISTORY},
        Resources.DECISION_REQUIREMENTS_DEFINITION, new Permission[] {Permissions.READ},
        Resources.DEPLOYMENT, new Permission[] {Permissions.READ});
    readOnly.forEach((resource, permissions) -> grantGroup(Groups.MANAGERS, resource, ANY, permissions));
    grantGroup(Groups.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
  }

  private String organisationFilter() {
    Filter existing = filterService.createFilterQuery().filterName(ORGANISATION_FILTER).singleResult();
    if (existing != null) {
      return existing.getId();
    }
    var query = taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
        .includeAssignedTasks().orderByDueDate().asc();
    Filter filter = filterService.newTaskFilter(ORGANISATION_FILTER).setQuery(query).setProperties(Map.of(
        "description", "Công việc của các nhóm mà tôi thuộc về",
        "priority", -10,
        "variables", java.util.List.of(
            Map.of("name", "organisationName", "label", "Đơn vị"),
            Map.of("name", "congressName", "label", "Đại hội"))));
    return filterService.saveFilter(filter).getId();
  }

  private void grantEveryone(Resource resource, String resourceId, Permission permission) {
    boolean exists = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
        .resourceType(resource).resourceId(resourceId).hasPermission(permission).count() > 0;
    if (!exists) {
      var auth = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
      auth.setUserId(ANY);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
      auth.addPermission(permission);
      authorizationService.saveAuthorization(auth);
    }
  }

  private void grantGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
    boolean exists = authorizationService.createAuthorizationQuery().groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).count() > 0;
    if (!exists) {
      var auth = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      auth.setGroupId(groupId);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
      for (Permission permission : permissions) {
        auth.addPermission(permission);
      }
      authorizationService.saveAuthorization(auth);
    }
  }
}
