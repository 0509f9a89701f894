package org.congressflow.support;

import static java.util.Map.entry;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.spin.plugin.variable.SpinValues;

/** What a careful user enters in each task's form: values that pass the form's rules (processes/forms). */
public final class FormSamples {

  /** The five steps of the introduction of nominees, in their order (processes/nominee-introduction.bpmn). */
  public static final List<String> INTRODUCTION_STEPS = List.of("HoldFirstStandingCommitteeMeeting",
      "HoldKeyCadresConference", "HoldFirstCommitteePlenum", "HoldSecondStandingCommitteeMeeting",
      "HoldSecondCommitteePlenum");

  /** 18 nominees for 15 seats: six standing again, then twelve for the first time. */
  public static final List<String> NOMINEES = java.util.stream.IntStream.rangeClosed(1, 18)
      .mapToObj(i -> (i <= 6 ? "Ủy viên tái cử " : "Nhân sự mới ") + i).toList();

  private static final Map<String, Map<String, Object>> SAMPLES = Map.ofEntries(
      entry("PrepareCongressPlan", Map.of("planNumber", "01-KH/ĐU", "planIssuedOn", "2019-11-25",
          "plannedCongressDate", "2020-05-20", "subcommittees", json("[\"documents\",\"personnel\",\"logistics\"]"))),
      entry("DraftPoliticalReport", Map.of("politicalReport", document("bao-cao-chinh-tri.pdf"),
          "draftSummary", "Dự thảo báo cáo chính trị nhiệm kỳ 2020-2025")),
      entry("DraftCongressDocuments", Map.of("politicalReport", document("bao-cao-chinh-tri-chi-bo.pdf"),
          "draftSummary", "Dự thảo báo cáo chính trị của chi bộ")),
      entry("CollectDocumentOpinions", Map.of("opinionsReceived", 42, "draftAdoptedOn", "2020-01-10",
          "opinionsSummary", "Các ý kiến đồng tình, bổ sung số liệu kinh tế")),
      entry("ProposePersonnel", Map.of("committeeSizePlanned", 3, "secretaryNominee", "Nguyễn Văn An")),
      entry("HoldFirstStandingCommitteeMeeting", meeting(9, 8)),
      entry("HoldKeyCadresConference", meeting(60, 48)),
      entry("HoldFirstCommitteePlenum", meeting(15, 13)),
      entry("HoldSecondStandingCommitteeMeeting", meeting(9, 8)),
      entry("HoldSecondCommitteePlenum", meeting(15, 14)),
      entry("PreparePersonnelPlan", Map.of("personnelPlan", document("phuong-an-nhan-su.pdf"),
          "committeeSizePlanned", 15, "womenNominees", 4, "youngNominees", 3, "standingCommitteeWomen", 1)),
      entry("AppraisePersonnel", Map.of("appraisalResult", "meets", "appraisalNote", "Đạt tiêu chuẩn, cơ cấu")),
      entry("VerifyPersonnel", Map.of("verificationResult", "clear", "complaintsReceived", 0,
          "verificationNote", "Không có đơn thư")),
      entry("FixCongressDate", Map.of("scheduledCongressDate", "2020-05-20", "directingMember", "Đinh Văn Hùng",
          "delegatesSummoned", 120, "credentialsChecked", true)),
      entry("HoldCongress", Map.of("congressMinutes", document("bien-ban-dai-hoi.pdf"))),
      entry("HoldPilotCongress", Map.of("congressMinutes", document("bien-ban-dai-hoi-diem.pdf"))),
      entry("FileCongressDossier", Map.of("dossierNumber", "12-HS/ĐU", "dossierFiledOn", "2020-06-01",
          "dossierContents", json("[\"minutes\",\"resolution\"]"))),
      entry("HoldLessonsConference", Map.of("conferenceDate", "2020-04-25", "participants", 80,
          "lessonsSummary", "Chuẩn bị nhân sự kỹ, bầu trực tiếp bí thư thuận lợi")),
      entry("PublishPilotLessons", Map.of("lessonsDocumentNumber", "25-TB/HU", "lessonsPublishedOn", "2020-05-05")));

  private FormSamples() {}

  /** A meeting with its quorum at which every nominee gets all votes of those present. */
  private static Map<String, Object> meeting(int convened, int present) {
    return Map.of("meetingDate", "2020-03-10", "convened", convened, "present", present,
        "ballots", ballots(NOMINEES, present));
  }

  /** The ballot rows of a step: each nominee with the same count (re-election as the name says). */
  public static Object ballots(List<String> names, int votes) {
    var rows = new StringBuilder("[");
    for (String name : names) {
      rows.append(rows.length() > 1 ? "," : "").append("{\"name\":\"").append(name).append("\",\"reElection\":")
          .append(name.contains("tái cử")).append(",\"votes\":").append(votes).append('}');
    }
    return json(rows.append(']').toString());
  }

  /** The sample values of a task, overridden by the given ones. */
  public static Map<String, Object> forTask(String taskDefinitionKey, Map<String, Object> given) {
    var values = new HashMap<String, Object>(SAMPLES.getOrDefault(taskDefinitionKey, Map.of()));
    values.putAll(given);
    return values;
  }

  public static FileValue document(String fileName) {
    return document(fileName, "%PDF-1.4\nNội dung tài liệu".getBytes(StandardCharsets.UTF_8));
  }

  public static FileValue document(String fileName, byte[] content) {
    return Variables.fileValue(fileName).file(content).mimeType("application/pdf").create();
  }

  public static List<String> taskKeys() {
    return List.copyOf(SAMPLES.keySet());
  }

  private static Object json(String array) {
    return SpinValues.jsonValue(array).create();
  }
}
