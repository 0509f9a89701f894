package org.congressflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.congressflow.support.CampaignBuilder.aCampaign;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.Task;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A database made before the candidates of a task lost UPDATE, and before a congress's groups could read its
 * history, gets today's rules on its next start: staff can no longer rewrite a task's data, and read the history.
 */
@CongressFlowTest
class GrantUpgradeTest {

  private static final String CELL = "khanh-an-cb-01";
  /** The cell's staff group, in the tenant of the test's campaign. */
  private String staff;

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  @Autowired GrantUpgrade upgrade;

  @Test
  void aDatabaseWithTheOldGrantsGetsTodaysRulesOnceAtStart() {
    var campaign = CampaignDriver.launch(engine, launcher,
        aCampaign().withBaseCommittee("khanh-an").withCells(1).build());
    staff = campaign.groups().staff(CELL);
    Task task = campaign.task(CELL, "PrepareCongressPlan");
    grantAsBefore(task);
    asStaff(() -> {
      engine.getTaskService().setVariableLocal(task.getId(), "superiorGroup", staff);
      return null;
    });
    engine.getTaskService().removeVariableLocal(task.getId(), "superiorGroup");
    assertThat(asStaff(() -> historyOf(task))).as("no history grant before").isZero();

    var changes = upgrade.upgrade(engine.getAuthorizationService());

    assertThat(changes.taskGrantsReducedToWork()).isEqualTo(1);
    assertThat(changes.historyGrantsAdded()).isEqualTo(1);
    assertThatThrownBy(() -> asStaff(() -> {
      engine.getTaskService().setVariableLocal(task.getId(), "superiorGroup", staff);
      return null;
    })).isInstanceOf(AuthorizationException.class);
    assertThat(asStaff(() -> historyOf(task))).as("the congress's history").isEqualTo(1);
    assertThat(asStaff(() -> engine.getTaskService().createTaskQuery().taskId(task.getId()).count()))
        .as("still their task to work on").isEqualTo(1);
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId("*").hasPermission(Permissions.READ).count()).as("grants on every task are kept").isPositive();

    assertThat(upgrade.upgrade(engine.getAuthorizationService())).as("nothing left to change")
        .isEqualTo(new GrantUpgrade.Changes(0, 0));
    assertThat(engine.getManagementService().getProperties()).as("done once, when the engine started")
        .containsEntry(GrantUpgrade.DONE, "1");
  }

  /** What the engine granted before: candidates UPDATE their task; no grant on the congress's history. */
  private void grantAsBefore(Task task) {
    var authorizations = engine.getAuthorizationService();
    Authorization grant = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(task.getId()).groupIdIn(staff).singleResult();
    grant.removePermission(TaskPermissions.TASK_WORK);
    grant.addPermission(Permissions.UPDATE);
    authorizations.saveAuthorization(grant);
    authorizations.createAuthorizationQuery().resourceType(Resources.HISTORIC_PROCESS_INSTANCE)
        .resourceId(task.getProcessInstanceId()).groupIdIn(staff).list()
        .forEach(history -> authorizations.deleteAuthorization(history.getId()));
  }

  private long historyOf(Task task) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).count();
  }

  private <T> T asStaff(Supplier<T> action) {
    CampaignDriver.authenticate(engine, CELL + "-officer", List.of(staff));
    try {
      return action.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
