package org.congressflow.deadline;

import static org.congressflow.deadline.DeadlineVariables.*;

import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.congressflow.campaign.DueDates;
import org.congressflow.deadline.Notifications.Notification;
import org.congressflow.process.CongressParts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The Vietnamese e-mails of the deadline watch: reminders, escalations and overdue gates. */
@Component
class DeadlineMails {

  static final String REMINDER = "reminder";
  static final String ESCALATION = "escalation";
  static final String GATE_OVERDUE = "gate-overdue";
  static final String WORK_WARNING = "work-warning";
  static final String WORK_OVERDUE = "work-overdue";
  /** The one user task of the approval gate (processes/approval-gate.bpmn). */
  private static final String GATE_TASK = "DecideGate";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final IdentityService identityService;
  private final CongressSituation situation;
  private final String tasklistUrl;

  DeadlineMails(IdentityService identityService, CongressSituation situation,
      @Value("${congressflow.mail.tasklist-url}") String tasklistUrl) {
    this.identityService = identityService;
    this.situation = situation;
    this.tasklistUrl = tasklistUrl;
  }

  Notification reminder(DelegateExecution execution, int leadDays) {
    var congress = CongressParts.congressOf(execution);
    Date due = (Date) congress.getVariable(CONGRESS_DUE);
    var steps = situation.currentSteps(congress.getProcessInstanceId(), congress.getProcessDefinitionId());
    String body = greeting(execution, "staffGroup") + """
        %s phải hoàn thành trước ngày %s (còn %d ngày).
        Đang ở bước: %s.
        Mở công việc trong Tasklist: %s
        """.formatted(v(execution, "congressName"), day(due), leadDays, describe(steps), link(steps));
    return new Notification(REMINDER + ":" + execution.getId() + ":" + day(due) + ":" + leadDays,
        v(execution, "campaignId"), v(execution, "organisationId"), REMINDER,
        recipients(v(execution, "staffGroup"), v(execution, "leadersGroup")),
        "[CongressFlow] Nhắc hạn: " + v(execution, "organisationName") + " - còn " + leadDays + " ngày (hạn "
            + day(due) + ")", body);
  }

  Notification escalation(DelegateExecution execution) {
    var congress = CongressParts.congressOf(execution);
    Date due = (Date) congress.getVariable(CONGRESS_DUE);
    long daysLate = daysSince(due);
    var steps = situation.currentSteps(congress.getProcessInstanceId(), congress.getProcessDefinitionId());
    var escalationTask = situation.openTask(execution.getProcessInstanceId(), "HandleMissedDeadline");
    boolean repeat = execution.getCurrentActivityId().equals("RepeatEscalationMail");
    String body = greeting(execution, "escalationGroup") + """
        %s (%s) chưa hoàn thành, quá hạn %d ngày (hạn %s).
        Đang dừng ở bước: %s.
        Đề nghị xử lý: gia hạn (ngày mới, lý do), phân công đồng chí chỉ đạo, hoặc báo cáo Ban Thường vụ.
        Mở việc xử lý đơn vị chậm tiến độ đại hội trong Tasklist: %s
        """.formatted(v(execution, "organisationName"), v(execution, "congressName"), daysLate, day(due),
        describe(steps), escalationTask == null ? tasklistUrl : tasklistUrl + "?task=" + escalationTask.getId());
    return new Notification(ESCALATION + ":" + execution.getId(), v(execution, "campaignId"),
        v(execution, "organisationId"), ESCALATION, recipients(v(execution, ESCALATION_GROUP)),
        "[CongressFlow] " + (repeat ? "Nhắc lại: " : "") + "Quá hạn " + daysLate + " ngày: "
            + v(execution, "organisationName"), body);
  }

  Notification gateOverdue(DelegateExecution execution) {
    var task = situation.openTask(execution.getProcessInstanceId(), GATE_TASK);
    String name = task == null ? v(execution, "gateName") : task.getName();
    Date due = task == null ? ClockUtil.getCurrentTime() : task.getDueDate();
    String body = greeting(execution, "superiorGroup") + """
        Việc "%s" của %s đã quá hạn %d ngày (hạn %s), từ ngày nhận %s.
        Mở công việc trong Tasklist: %s
        """.formatted(name, v(execution, "organisationName"), daysSince(due), day(due),
        task == null ? "" : day(task.getCreateTime()), task == null ? tasklistUrl : tasklistUrl + "?task=" + task.getId());
    return new Notification(GATE_OVERDUE + ":" + execution.getId(), v(execution, "campaignId"),
        v(execution, "organisationId"), GATE_OVERDUE,
        recipients(v(execution, "superiorGroup"), v(execution, ESCALATION_GROUP)),
        "[CongressFlow] Quá hạn phê duyệt: " + name + " - " + v(execution, "organisationName"), body);
  }

  /** A welcoming work not completed yet, some days before the congress it welcomes. */
  Notification workWarning(DelegateExecution execution) {
    String body = greeting(execution, "staffGroup") + """
        Công trình chào mừng "%s" phải hoàn thành (khánh thành, gắn biển) trước %s.
        Đề nghị báo cáo tiến độ và hoàn thành đúng hạn: %s
        """.formatted(v(execution, "workName"), v(execution, "workDueText"), tasklistUrl);
    return new Notification(WORK_WARNING + ":" + execution.getId(), v(execution, "campaignId"),
        v(execution, "organisationId"), WORK_WARNING, recipients(v(execution, "staffGroup")),
        "[CongressFlow] Sắp đến hạn công trình chào mừng: " + v(execution, "workName") + " - "
            + v(execution, "organisationName"), body);
  }

  /** A welcoming work not completed before the congress it welcomes: the superior's organisation board is told. */
  Notification workOverdue(DelegateExecution execution) {
    var review = situation.openTask(execution.getProcessInstanceId(), "ReviewOverdueWork");
    String body = greeting(execution, "appraisalGroup") + """
        Công trình chào mừng "%s" của %s chưa hoàn thành trước %s.
        Đề nghị xem xét, chỉ đạo xử lý: %s
        """.formatted(v(execution, "workName"), v(execution, "organisationName"), v(execution, "workDueText"),
        review == null ? tasklistUrl : tasklistUrl + "?task=" + review.getId());
    return new Notification(WORK_OVERDUE + ":" + execution.getId(), v(execution, "campaignId"),
        v(execution, "organisationId"), WORK_OVERDUE, recipients(v(execution, "appraisalGroup")),
        "[CongressFlow] Công trình chào mừng quá hạn: " + v(execution, "workName") + " - "
            + v(execution, "organisationName"), body);
  }

  private String greeting(DelegateExecution execution, String groupVariable) {
    var group = identityService.createGroupQuery().groupId(v(execution, groupVariable)).singleResult();
    return "Kính gửi " + (group == null ? v(execution, groupVariable) : group.getName()) + ",\n\n";
  }

  /** E-mail addresses of the members of the groups, each once. */
  private List<String> recipients(String... groups) {
    return Stream.of(groups).distinct()
        .flatMap(group -> identityService.createUserQuery().memberOfGroup(group).list().stream())
        .map(User::getEmail).filter(mail -> mail != null && !mail.isBlank())
        .collect(Collectors.toCollection(LinkedHashSet::new)).stream().toList();
  }

  private static String describe(List<CongressSituation.Step> steps) {
    if (steps.isEmpty()) {
      return "(không có bước đang mở)";
    }
    return steps.stream().map(step -> "\"" + step.name() + "\""
        + (step.since() == null ? "" : " từ ngày " + day(step.since()) + " (" + daysSince(step.since()) + " ngày)"))
        .collect(Collectors.joining(", "));
  }

  private String link(List<CongressSituation.Step> steps) {
    return steps.stream().filter(step -> step.taskId() != null).findFirst()
        .map(step -> tasklistUrl + "?task=" + step.taskId()).orElse(tasklistUrl);
  }

  /** Whole days from the day of {@code date} to today (a deadline of yesterday is 1 day late). */
  static long daysSince(Date date) {
    return Math.max(0, ChronoUnit.DAYS.between(DueDates.today(date), DueDates.today(ClockUtil.getCurrentTime())));
  }

  private static String day(Date date) {
    return DAY.format(date.toInstant().atZone(DueDates.ZONE));
  }

  private static String v(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? "" : value.toString();
  }
}
