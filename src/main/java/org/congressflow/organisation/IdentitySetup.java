package org.congressflow.organisation;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.congressflow.campaign.CampaignDefinition;
import org.congressflow.campaign.CampaignSetup;
import org.congressflow.campaign.LaunchTransactions;
import org.congressflow.organisation.CampaignGroups.GroupSpec;
import org.congressflow.process.CongressParts;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the groups of a campaign and the authorizations every user needs to work in Tasklist; managers
 * get read-only Cockpit. Task access itself comes from candidate groups, never from a grant on all tasks.
 */
@Component
@Order(1) // before DemoUsers, who join these groups
class IdentitySetup implements CampaignSetup {

  static final String ORGANISATION_FILTER = "Việc của đơn vị";
  static final String DUE_SOON_FILTER = "Sắp đến hạn";
  static final String OVERDUE_FILTER = "Quá hạn";
  static final String GATES_FILTER = "Chờ phê duyệt";
  /** District groups follow every organisation's congress in Cockpit (read-only), besides their own tasks. */
  static String[] districtGroups(Groups groups) {
    return new String[] {groups.organisationBoard(), groups.inspection(), groups.standingCommittee()};
  }

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final LaunchTransactions transactions;

  IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService, LaunchTransactions transactions) {
    this.transactions = transactions;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
  }

  /**
   * Idempotent: existing groups, grants and filters are left as they are. The groups in batches, each in a
   * transaction of its own with one query for those of the batch that exist already.
   */
  @Override
  public void setUp(CampaignDefinition campaign) {
    transactions.inBatches(campaign.id(), "groups", CampaignGroups.of(campaign), this::createMissingGroups);
    transactions.run(campaign.id(), () -> grantAndShareFilters(campaign));
  }

  private void createMissingGroups(List<GroupSpec> specs) {
    var existing = identityService.createGroupQuery()
        .groupIdIn(specs.stream().map(GroupSpec::id).toArray(String[]::new)).list().stream()
        .map(Group::getId).collect(Collectors.toSet());
    for (var spec : specs) {
      if (!existing.contains(spec.id())) {
        var group = identityService.newGroup(spec.id());
        group.setName(spec.name());
        group.setType("WORKFLOW");
        identityService.saveGroup(group);
      }
    }
  }

  private void grantAndShareFilters(CampaignDefinition campaign) {
    grantEveryone(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grantEveryone(Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    grantEveryone(Resources.FILTER, organisationFilter(), Permissions.READ);
    grantEveryone(Resources.FILTER, filter(DUE_SOON_FILTER, "Việc của đơn vị đến hạn trong 7 ngày tới", -9,
        myTasks().dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(7)}")), Permissions.READ);
    grantEveryone(Resources.FILTER, filter(OVERDUE_FILTER, "Việc của đơn vị đã quá hạn", -8,
        myTasks().dueBeforeExpression("${now()}")), Permissions.READ);
    grantEveryone(Resources.FILTER, filter(GATES_FILTER, "Văn kiện, nhân sự, kết quả đại hội chờ tôi cho ý kiến", -7,
        myTasks().processDefinitionKey(CongressParts.GATE)), Permissions.READ);
    var groups = Groups.of(campaign);
    grantManagers(groups.managers());
    for (String group : districtGroups(groups)) {
      grantReadOnlyMonitoring(group);
    }
  }

  /** Read the running and finished congresses in Cockpit; nothing that changes them. */
  private void grantReadOnlyMonitoring(String groupId) {
    grantGroup(groupId, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grantGroup(groupId, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_INSTANCE,
        Permissions.READ_HISTORY);
    grantGroup(groupId, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
  }

  /** Read-only on ANY: the tenant check keeps it to the managers' own campaign (see TenantSetup). */
  private void grantManagers(String managers) {
    var readOnly = Map.<Resource, Permission[]>of(
        Resources.PROCESS_DEFINITION, new Permission[] {Permissions.READ, Permissions.READ_INSTANCE,
            Permissions.READ_HISTORY, Permissions.READ_TASK},
        Resources.PROCESS_INSTANCE, new Permission[] {Permissions.READ},
        Resources.TASK, new Permission[] {Permissions.READ},
        Resources.DECISION_DEFINITION, new Permission[] {Permissions.READ, Permissions.READ_HISTORY},
        Resources.DECISION_REQUIREMENTS_DEFINITION, new Permission[] {Permissions.READ},
        Resources.DEPLOYMENT, new Permission[] {Permissions.READ});
    readOnly.forEach((resource, permissions) -> grantGroup(managers, resource, ANY, permissions));
    grantGroup(managers, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
  }

  private String organisationFilter() {
    return filter(ORGANISATION_FILTER, "Công việc của các nhóm mà tôi thuộc về", -10, myTasks());
  }

  /** Tasks of my groups (the candidate groups decide who may see them; a filter only narrows the list). */
  private TaskQuery myTasks() {
    return taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
        .includeAssignedTasks().orderByDueDate().asc();
  }

  /** A shared filter, created once: its name is its identity. Shows the organisation and congress of a task. */
  private String filter(String name, String description, int priority, TaskQuery query) {
    Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      return existing.getId();
    }
    Filter filter = filterService.newTaskFilter(name).setQuery(query).setProperties(Map.of(
        "description", description,
        "priority", priority,
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
    // with its type, the query is a lookup in the engine's unique index (type, group, resource), not a table scan
    boolean exists = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).count() > 0;
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
