package org.congressflow.personnel;

/** Names of the process variables of the introduction of nominees and of the personnel plan. */
final class PersonnelVariables {

  // a meeting of the five steps, as its form submits it
  static final String MEETING_DATE = "meetingDate";
  static final String CONVENED = "convened";
  static final String PRESENT = "present";
  /** The nominees with their secret-ballot counts; after a step, the nominees of the next one (no counts yet). */
  static final String BALLOTS = "ballots";

  // written by the server only
  /** Whether the step's meeting had its quorum (routing: a meeting without it is held again). */
  static final String QUORUM_MET = "quorumMet";
  /** What the last meeting decided, shown to the secretary at the next (or repeated) step. */
  static final String INTRODUCTION_NOTICE = "introductionNotice";
  /** Display only (the record is cf_nominee_meeting, cf_nominee_vote): a row per nominee, a column per step. */
  static final String NOMINEE_VOTES = "nomineeVotes";
  /** Display only: a row per meeting held, also those without their quorum. */
  static final String NOMINEE_MEETINGS = "nomineeMeetings";

  // the personnel plan
  static final String SEATS = "committeeSizePlanned";
  static final String WOMEN = "womenNominees";
  static final String YOUNG = "youngNominees";
  static final String STANDING_COMMITTEE_WOMEN = "standingCommitteeWomen";
  static final String EXCEPTION_REASON = "structureExceptionReason";
  /** The nominees who passed the five steps (counted by the server). */
  static final String NOMINEES_COUNT = "nomineesCount";
  /** The structure rules the plan was accepted without, with the reason given: what the appraisers and the gate see. */
  static final String PERSONNEL_EXCEPTIONS = "personnelExceptions";

  private PersonnelVariables() {}
}
