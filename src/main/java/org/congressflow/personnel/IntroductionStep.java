package org.congressflow.personnel;

import java.util.Arrays;

/**
 * The five steps of the introduction of nominees, in their order, each a user task of
 * processes/nominee-introduction.bpmn: the kind of meeting decides its quorum (decision table
 * nominee-introduction-quorum).
 */
enum IntroductionStep {
  FIRST_STANDING_COMMITTEE(1, "HoldFirstStandingCommitteeMeeting", "standingCommittee", "Bước 1: Ban Thường vụ"),
  KEY_CADRES_CONFERENCE(2, "HoldKeyCadresConference", "keyCadres", "Bước 2: Hội nghị cán bộ chủ chốt"),
  FIRST_COMMITTEE_PLENUM(3, "HoldFirstCommitteePlenum", "committeePlenum", "Bước 3: Hội nghị cấp ủy"),
  SECOND_STANDING_COMMITTEE(4, "HoldSecondStandingCommitteeMeeting", "standingCommittee", "Bước 4: Ban Thường vụ"),
  SECOND_COMMITTEE_PLENUM(5, "HoldSecondCommitteePlenum", "committeePlenum", "Bước 5: Hội nghị cấp ủy");

  static final int LAST = 5;

  final int number;
  final String taskKey;
  final String meetingKind;
  final String label;

  IntroductionStep(int number, String taskKey, String meetingKind, String label) {
    this.number = number;
    this.taskKey = taskKey;
    this.meetingKind = meetingKind;
    this.label = label;
  }

  static IntroductionStep ofTask(String taskKey) {
    return Arrays.stream(values()).filter(step -> step.taskKey.equals(taskKey)).findFirst()
        .orElseThrow(() -> new IllegalStateException(taskKey + " is no step of the introduction of nominees"));
  }

  static IntroductionStep ofNumber(int number) {
    return values()[number - 1];
  }
}
