package org.congressflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.congressflow.support.CampaignBuilder.aCampaign;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.task.Task;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's authorization checks with {@link OwnGroupsAuthorizationManager}: each cell's staff see and work on
 * their own congress's tasks and nobody else's, also with groups that hold no authorization, and the manager keeps
 * of a caller's groups exactly those that have an authorization; the authorization table has an index by user.
 */
@CongressFlowTest
class OwnGroupsAuthorizationProcessTest {

  private static final String CELL = "khanh-an-cb-01";
  private static final String OTHER_CELL = "khanh-an-cb-02";

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  @Autowired javax.sql.DataSource dataSource;

  @Test
  void staffOfACellSeeAndWorkOnTheirCongressTasksOnly() {
    var campaign = CampaignDriver.launch(engine, launcher,
        aCampaign().withBaseCommittee("khanh-an").withCells(2).build());
    Task own = campaign.task(CELL, "PrepareCongressPlan");
    Task other = campaign.task(OTHER_CELL, "PrepareCongressPlan");
    var staff = List.of(campaign.groups().staff(CELL), "a-group-with-no-authorization");

    List<String> seen = as(staff, () -> engine.getTaskService().createTaskQuery().list().stream()
        .map(Task::getId).toList());

    assertThat(seen).contains(own.getId()).doesNotContain(other.getId());
    assertThat(as(staff, () -> engine.getTaskService().createTaskQuery().taskId(other.getId()).count())).isZero();
    assertThatThrownBy(() -> as(staff, () -> {
      engine.getTaskService().claim(other.getId(), "cell-officer");
      return null;
    })).isInstanceOf(AuthorizationException.class);
    as(staff, () -> {
      engine.getTaskService().claim(own.getId(), "cell-officer");
      return null;
    });
    assertThat(engine.getTaskService().createTaskQuery().taskId(own.getId()).singleResult().getAssignee())
        .isEqualTo("cell-officer");
  }

  @Test
  void ofTheCallersGroupsOnlyThoseWithAnAuthorizationAreKept() {
    var groups = CampaignDriver.launch(engine, launcher, aCampaign().withBaseCommittee("khanh-an").withCells(1).build())
        .groups();
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    var manager = configuration.getCommandExecutorTxRequired().execute(context -> context.getAuthorizationManager());
    List<String> kept = configuration.getCommandExecutorTxRequired().execute((Command<List<String>>) context ->
        context.getAuthorizationManager().filterAuthenticatedGroupIds(
            List.of(groups.staff(CELL), "a-group-with-no-authorization", groups.staff(CELL), groups.managers())));

    assertThat(manager).isInstanceOf(OwnGroupsAuthorizationManager.class);
    assertThat(kept).containsExactlyInAnyOrder(groups.staff(CELL), groups.managers());
  }

  @Test
  void theAuthorizationTableIsIndexedByUser() throws Exception {
    List<String> indexed = new java.util.ArrayList<>();
    try (var connection = dataSource.getConnection()) {
      for (String table : List.of("ACT_RU_AUTHORIZATION", "act_ru_authorization")) {
        try (var rows = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
          while (rows.next()) {
            if ("CF_IDX_AUTH_USER_ID".equalsIgnoreCase(rows.getString("INDEX_NAME"))) {
              indexed.add(rows.getString("COLUMN_NAME"));
            }
          }
        }
      }
    }
    assertThat(indexed).singleElement().satisfies(column -> assertThat(column).isEqualToIgnoringCase("USER_ID_"));
  }

  private <T> T as(List<String> groups, Supplier<T> action) {
    CampaignDriver.authenticate(engine, "cell-officer", groups);
    try {
      return action.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
