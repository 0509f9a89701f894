package org.congressflow.decision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.congressflow.process.CongressParts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The append-only record of decisions ({@code cf_decision}), written in the engine's transaction: a gate or
 * escalation decision is recorded when its task completes, a deadline move when it is applied. Nothing here
 * updates or deletes a row, and nothing reads who decided from a process variable.
 */
@Service
public class DecisionRecord {

  /** Who decided when no user is logged in: the engine itself (a timer, a start-up, a test driver). */
  public static final String SYSTEM = "system";

  private final JdbcTemplate jdbc;
  private final IdentityService identityService;

  DecisionRecord(JdbcTemplate jdbc, IdentityService identityService) {
    this.jdbc = jdbc;
    this.identityService = identityService;
  }

  /** What is decided at a task, besides its kind and the decision itself. */
  public record Details(String comment, LocalDate newDeadline, String directingMember) {}

  /**
   * Records the decision taken by completing a task, for the congress the task works for (a shared part's task
   * for the congress that called the part); its round counts the earlier decisions of the same step.
   */
  public Decision recordTask(DelegateTask task, String kind, String decision, Details details) {
    var congress = CongressParts.congressOf(task.getExecution());
    String processInstanceId = congress.getProcessInstanceId();
    String step = CongressParts.stepOf(task);
    return insert(new Decision(0, (String) congress.getVariable("campaignId"),
        (String) congress.getVariable("organisationId"), processInstanceId,
        CongressParts.keyOf(congress.getProcessDefinitionId()), kind, step, task.getName(),
        nextRound(processInstanceId, step),
        decision, details.comment(), details.newDeadline(), details.directingMember(), currentUser(task),
        ClockUtil.getCurrentTime().toInstant()));
  }

  /** Records that a whole level's deadline moved one congress to a new date. */
  public Decision recordDeadlineMove(String campaignId, String organisationId, String processInstanceId,
      String processKey, LocalDate newDate, String reason, String userId) {
    String step = "LevelDeadline";
    return insert(new Decision(0, campaignId, organisationId, processInstanceId, processKey, Decision.DEADLINE,
        step, "Thay đổi hạn đại hội của cả cấp", nextRound(processInstanceId, step), "move", reason, newDate, null,
        userId == null || userId.isBlank() ? SYSTEM : userId, ClockUtil.getCurrentTime().toInstant()));
  }

  /** Every decision of a process instance, oldest first. */
  public List<Decision> ofProcess(String processInstanceId) {
    return jdbc.query("select * from cf_decision where process_instance_id = ? order by id", DecisionRecord::row,
        processInstanceId);
  }

  /** Every decision about an organisation in a campaign (its congress, works and review), oldest first. */
  public List<Decision> ofOrganisation(String campaignId, String organisationId) {
    return jdbc.query("select * from cf_decision where campaign_id = ? and organisation_id = ? order by id",
        DecisionRecord::row, campaignId, organisationId);
  }

  /** Who decided, as a person reads it: the user's full name, or "Hệ thống" for the engine itself. */
  public String nameOf(String userId) {
    if (SYSTEM.equals(userId)) {
      return "Hệ thống";
    }
    var user = identityService.createUserQuery().userId(userId).singleResult();
    String name = user == null ? "" : ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? userId : name;
  }

  private Decision insert(Decision d) {
    jdbc.update("""
        insert into cf_decision (campaign_id, organisation_id, process_instance_id, process_key, kind, step, step_name,
          round, decision, comment, new_deadline, directing_member, decided_by, decided_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        d.campaignId(), d.organisationId(), d.processInstanceId(), d.processKey(), d.kind(), d.step(),
        d.stepName(), d.round(), d.decision(), d.comment(),
        d.newDeadline() == null ? null : java.sql.Date.valueOf(d.newDeadline()), d.directingMember(),
        d.decidedBy(), Timestamp.from(d.decidedAt()));
    return d;
  }

  private int nextRound(String processInstanceId, String step) {
    Integer done = jdbc.queryForObject("select count(*) from cf_decision where process_instance_id = ? and step = ?",
        Integer.class, processInstanceId, step);
    return (done == null ? 0 : done) + 1;
  }

  /** Who acts on a task now: the logged-in user, else the task's assignee, else the engine itself. */
  public String currentUser(DelegateTask task) {
    var authentication = identityService.getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee() == null ? SYSTEM : task.getAssignee();
  }

  private static Decision row(ResultSet rs, int rowNum) throws SQLException {
    var newDeadline = rs.getDate("new_deadline");
    return new Decision(rs.getLong("id"), rs.getString("campaign_id"), rs.getString("organisation_id"),
        rs.getString("process_instance_id"), rs.getString("process_key"), rs.getString("kind"), rs.getString("step"),
        rs.getString("step_name"), rs.getInt("round"), rs.getString("decision"), rs.getString("comment"),
        newDeadline == null ? null : newDeadline.toLocalDate(), rs.getString("directing_member"),
        rs.getString("decided_by"), rs.getTimestamp("decided_at").toInstant());
  }
}
