package org.congressflow.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.congressflow.support.HttpUser;

/**
 * Plays every user of a running campaign over the engine REST API (HTTP Basic, authorization on), as a separate
 * application is reached: the administrator gives each candidate group a user, and each open task is completed by a
 * user of its group, with what a careful user enters in its form (the values of {@code FormSamples}, as Tasklist
 * sends them: dates as {@code yyyy-MM-dd}, documents as files, lists as JSON). Escalations are decided first (an
 * extension), the welcoming works and the quality review before the congresses they come before.
 */
final class CampaignOverRest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "Nguoi-Dung#Thu-2026";
  /** The order in which a pass completes the open tasks: decisions on late congresses, works, review, congresses. */
  private static final List<String> FIRST = List.of("HandleMissedDeadline", "DecideMissedDeadline", "RegisterWorks",
      "ApproveWorksList", "ReportWorkProgress", "ReportWorkCompletion", "ReviewOverdueWork", "EnterMembers",
      "SelfReview", "CollectReviewOpinions", "HoldReviewMeeting", "ProposeLevels", "DecideMemberLevels",
      "DecideOrganisationLevel", "PublishReviewResults");

  private final String baseUrl;
  private final HttpUser admin;
  private final String districtId;
  private final LocalDate today;
  private final Map<String, String> userOfGroup = new HashMap<>();
  private final Map<String, HttpUser> clients = new HashMap<>();
  private final Map<String, String> organisationOfInstance = new HashMap<>();
  private final Map<String, Integer> completions = new LinkedHashMap<>();
  private final Map<String, String> keyOfTask = new HashMap<>();

  CampaignOverRest(String baseUrl, String adminId, String adminPassword, String districtId, LocalDate today) {
    this.baseUrl = baseUrl;
    this.admin = HttpUser.basic(baseUrl, adminId, adminPassword);
    this.districtId = districtId;
    this.today = today;
  }

  /** Successful completions by task id (a task completed twice would count 2). */
  Map<String, Integer> completions() {
    return completions;
  }

  /** Completions of tasks that decide (a gate, an escalation, the works list, review levels). */
  long decisionsMade() {
    return completions.keySet().stream().filter(id -> decides(keyOfTask.get(id))).count();
  }

  static boolean decides(String taskKey) {
    return Set.of("DecideGate", "HandleMissedDeadline", "DecideMissedDeadline", "ApproveWorksList",
        "DecideMemberLevels", "DecideOrganisationLevel").contains(taskKey);
  }

  /** Records a completion made by someone else (the test's own decision before a kill). */
  void countCompletion(String taskId, String taskKey) {
    completions.merge(taskId, 1, Integer::sum);
    keyOfTask.put(taskId, taskKey);
  }

  /**
   * Completes open tasks until {@code ended} holds; between passes it waits for the application's job executor to
   * create the next tasks (polling, with a timeout).
   */
  void finish(BooleanSupplier ended, Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    while (!ended.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("the campaign did not end within " + timeout + "; open tasks: " + openTasks());
      }
      var tasks = new ArrayList<JsonNode>();
      openTasks().forEach(tasks::add);
      if (tasks.isEmpty()) {
        Thread.sleep(100); // polling the other process for its next tasks, not waiting for a time to pass
        continue;
      }
      tasks.sort(Comparator.comparingInt(task -> {
        int rank = FIRST.indexOf(task.path("taskDefinitionKey").asText());
        return rank < 0 ? FIRST.size() : rank;
      }));
      for (var task : tasks) {
        complete(task);
      }
    }
  }

  private JsonNode openTasks() throws IOException, InterruptedException {
    return admin.engineJson("/task?sortBy=created&sortOrder=asc&maxResults=1000");
  }

  private void complete(JsonNode task) throws Exception {
    String id = task.get("id").asText();
    String key = task.get("taskDefinitionKey").asText();
    String process = task.get("processDefinitionId").asText().split(":")[0];
    String instance = task.get("processInstanceId").asText();
    String organisation = organisationOfInstance.get(instance);
    if (organisation == null) {
      organisation = admin.engineJson("/process-instance/" + instance).path("businessKey").asText();
      organisationOfInstance.put(instance, organisation);
    }
    var user = clients.computeIfAbsent(userOf(candidateGroup(id)), name -> HttpUser.basic(baseUrl, name, PASSWORD));
    var body = JSON.createObjectNode();
    body.set("variables", variables(key, process, organisation));
    var response = user.engine("POST", "/task/" + id + "/complete", body.toString());
    if (response.statusCode() == 404 && admin.engine("GET", "/task/" + id, null).statusCode() == 404) {
      return; // gone since the list was read (its process moved on): the final check finds it if it was lost
    }
    if (response.statusCode() != 204) {
      throw new AssertionError("completing " + key + " of " + organisation + " (" + process + "): "
          + response.statusCode() + " " + response.body());
    }
    countCompletion(id, key);
  }

  private String candidateGroup(String taskId) throws IOException, InterruptedException {
    for (var link : admin.engineJson("/task/" + taskId + "/identity-links?type=candidate")) {
      if (link.hasNonNull("groupId")) {
        return link.get("groupId").asText();
      }
    }
    throw new AssertionError("task " + taskId + " has no candidate group");
  }

  /** A user of the group, created by the administrator the first time (no e-mail address: no mail to it). */
  private String userOf(String group) throws IOException, InterruptedException {
    var known = userOfGroup.get(group);
    if (known != null) {
      return known;
    }
    String user = "u" + (userOfGroup.size() + 1) + "-" + group;
    user = user.length() > 60 ? user.substring(0, 60) : user;
    expect(admin.engine("POST", "/user/create", """
        {"profile": {"id": "%s", "firstName": "Người dùng", "lastName": "%s"}, "credentials": {"password": "%s"}}"""
        .formatted(user, group, PASSWORD)), "create user " + user);
    expect(admin.engine("PUT", "/group/" + group + "/members/" + user, null), "add " + user + " to " + group);
    userOfGroup.put(group, user);
    return user;
  }

  private static void expect(java.net.http.HttpResponse<String> response, String what) {
    if (response.statusCode() / 100 != 2) {
      throw new AssertionError(what + ": " + response.statusCode() + " " + response.body());
    }
  }

  /** A step of the introduction of nominees with its quorum, every nominee with the votes of all present. */
  private static Variables meeting(Variables v, String date, int convened, int present) {
    var ballots = org.congressflow.support.FormSamples.NOMINEES.stream()
        .map(name -> "{\"name\":\"%s\",\"reElection\":%s,\"votes\":%d}".formatted(name, name.contains("tái cử"),
            present))
        .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    return v.text("meetingDate", date).number("convened", convened).number("present", present).json("ballots", ballots);
  }

  /** What the task's form needs, by task (FormSamples, CampaignDriver, WorksDriver). */
  private ObjectNode variables(String key, String process, String organisation) {
    var v = new Variables();
    String yesterday = today.minusDays(1).toString();
    boolean cell = process.equals("cell-congress");
    switch (key) {
      case "PrepareCongressPlan" -> v.text("planNumber", "01-KH/ĐU").text("planIssuedOn", yesterday)
          .text("plannedCongressDate", today.plusDays(5).toString())
          .json("subcommittees", "[\"documents\",\"personnel\",\"logistics\"]");
      case "DraftPoliticalReport", "DraftCongressDocuments" -> v.file("politicalReport", "bao-cao-chinh-tri.pdf")
          .text("draftSummary", "Dự thảo báo cáo chính trị nhiệm kỳ 2025-2030");
      case "CollectDocumentOpinions" -> v.number("opinionsReceived", 42).text("draftAdoptedOn", yesterday)
          .text("opinionsSummary", "Các ý kiến đồng tình, bổ sung số liệu kinh tế");
      case "ProposePersonnel" -> v.number("committeeSizePlanned", 3).text("secretaryNominee", "Nguyễn Văn An");
      case "HoldFirstStandingCommitteeMeeting", "HoldSecondStandingCommitteeMeeting" -> meeting(v, yesterday, 9, 8);
      case "HoldKeyCadresConference" -> meeting(v, yesterday, 60, 48);
      case "HoldFirstCommitteePlenum" -> meeting(v, yesterday, 15, 13);
      case "HoldSecondCommitteePlenum" -> meeting(v, yesterday, 15, 14);
      case "PreparePersonnelPlan" -> v.file("personnelPlan", "phuong-an-nhan-su.pdf")
          .number("committeeSizePlanned", 15).number("womenNominees", 4).number("youngNominees", 3)
          .number("standingCommitteeWomen", 1);
      case "AppraisePersonnel" -> v.text("appraisalResult", "meets").text("appraisalNote", "Đạt tiêu chuẩn, cơ cấu");
      case "VerifyPersonnel" -> v.text("verificationResult", "clear").number("complaintsReceived", 0)
          .text("verificationNote", "Không có đơn thư");
      case "FixCongressDate" -> v.text("scheduledCongressDate", today.toString())
          .text("directingMember", "Đinh Văn Hùng").number("delegatesSummoned", 120).bool("credentialsChecked", true);
      case "HoldCongress", "HoldPilotCongress" -> v.file("congressMinutes", "bien-ban-dai-hoi.pdf")
          .text("congressDate", today.toString()).number("committeeSize", cell ? 3 : 15)
          .text("secretary", "Nguyễn Văn Thành").text("deputySecretaries", "Trần Thị Hoa")
          .number("delegatesElected", cell ? 0 : organisation.equals(districtId) ? 12 : 5);
      case "FileCongressDossier" -> v.text("dossierNumber", "12-HS/ĐU").text("dossierFiledOn", today.toString())
          .json("dossierContents", "[\"minutes\",\"resolution\"]");
      case "HoldLessonsConference" -> v.text("conferenceDate", today.toString()).number("participants", 80)
          .text("lessonsSummary", "Chuẩn bị nhân sự kỹ, bầu trực tiếp bí thư thuận lợi");
      case "PublishPilotLessons" -> v.text("lessonsDocumentNumber", "25-TB/HU")
          .text("lessonsPublishedOn", today.toString());
      case "DecideGate", "ApproveWorksList", "DecideMemberLevels", "DecideOrganisationLevel" ->
          v.text("decision", "approve").text("comment", "Đồng ý");
      case "HandleMissedDeadline", "DecideMissedDeadline" -> v.text("escalationDecision", "extend")
          .text("newDeadline", today.plusDays(20).toString())
          .text("reason", "Gia hạn để chi bộ hoàn thành đại hội");
      case "RegisterWorks" -> v.json("works", organisation.equals(districtId)
          ? works(List.of("provincial", "district", "district")) : works(List.of("own", "district")));
      case "ReportWorkProgress" -> v.number("progressPercent", 100).text("progressNote", "Đã thi công 100%")
          .bool("workFinished", true);
      case "ReportWorkCompletion" -> v.text("completedOn", today.toString()).text("completionKind", "inauguration")
          .text("completionNote", "Lễ khánh thành");
      case "ReviewOverdueWork" -> v.text("overdueReviewComment", "Đã xem xét");
      case "CommendWorks" -> v.bool("commended", true).text("commendation", "Giấy khen");
      case "EnterMembers" -> v.json("members", members(null, null));
      case "SelfReview" -> v.text("organisationSelfLevel", "good").json("members", members("selfLevel", "good"));
      case "CollectReviewOpinions" -> v.text("reviewOpinions", "Đồng ý");
      case "HoldReviewMeeting" -> v.text("meetingDate", yesterday).text("meetingMinutes", "Biên bản họp kiểm điểm");
      case "ProposeLevels" -> v.text("proposedOrganisationLevel", "good")
          .json("members", members("proposedLevel", "good"));
      case "PublishReviewResults" -> v.text("publishedOn", today.toString());
      default -> throw new AssertionError("no form values for task " + key + " of " + process);
    }
    return v.node;
  }

  private String works(List<String> welcomes) {
    var rows = JSON.createArrayNode();
    int n = 0;
    for (String welcome : welcomes) {
      rows.addObject().put("name", "Công trình số " + ++n).put("description", "Công trình chào mừng đại hội")
          .put("kind", "Giao thông nông thôn").put("place", "Thôn " + n).put("estimatedValue", 1_500_000_000L)
          .put("expectedCompletion", today.plusDays(1).toString()).put("welcomes", welcome);
    }
    return rows.toString();
  }

  private static String members(String levelField, String level) {
    var rows = JSON.createArrayNode();
    for (int i = 1; i <= 5; i++) {
      var member = rows.addObject().put("name", "Đảng viên " + i).put("birthYear", 1970 + i)
          .put("position", i == 1 ? "Bí thư" : "Đảng viên").put("cell", "Chi bộ 1");
      if (levelField != null) {
        member.put(levelField, level);
      }
    }
    return rows.toString();
  }

  /** Variables in the engine REST API's form: {"name": {"value": ..., "type": ...}}. */
  private static final class Variables {
    final ObjectNode node = JSON.createObjectNode();

    Variables text(String name, String value) {
      node.putObject(name).put("value", value).put("type", "String");
      return this;
    }

    Variables number(String name, int value) {
      node.putObject(name).put("value", value).put("type", "Integer");
      return this;
    }

    Variables bool(String name, boolean value) {
      node.putObject(name).put("value", value).put("type", "Boolean");
      return this;
    }

    Variables json(String name, String value) {
      node.putObject(name).put("value", value).put("type", "Json");
      return this;
    }

    Variables file(String name, String fileName) {
      var file = node.putObject(name).put("type", "File").put("value", Base64.getEncoder()
          .encodeToString("%PDF-1.4\nNội dung tài liệu".getBytes(StandardCharsets.UTF_8)));
      file.putObject("valueInfo").put("filename", fileName).put("mimetype", "application/pdf");
      return this;
    }
  }
}
