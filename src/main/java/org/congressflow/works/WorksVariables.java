package org.congressflow.works;

/** Names of the process variables of welcoming-works (an organisation's list) and welcoming-work (one work). */
final class WorksVariables {

  // set by the parent process
  static final String CAMPAIGN_ID = "campaignId";
  static final String ORGANISATION_ID = "organisationId";

  // set from the campaign when the process starts
  static final String ORGANISATION_NAME = "organisationName";
  /** What the task cards of Tasklist show under "Đại hội": the organisation's congress, or the work and whom it welcomes. */
  static final String CONGRESS_NAME = "congressName";
  static final String ORGANISATION_KIND = "organisationKind";
  static final String STAFF_GROUP = "staffGroup";
  static final String SUPERIOR_GROUP = "superiorGroup";
  static final String APPRAISAL_GROUP = "appraisalGroup";
  static final String REGISTRATION_DUE = "registrationDue";
  static final String COMMENDATION_DUE = "commendationDue";
  static final String OWN_CONGRESS_DUE = "ownCongressDue";
  static final String DISTRICT_CONGRESS_DUE = "districtCongressDue";
  static final String PROVINCIAL_CONGRESS_DUE = "provincialCongressDue";

  // the list as registered (JSON) and its counts, the inputs of the decision table welcoming-works-count
  static final String WORKS = "works";
  static final String TOTAL_WORKS = "totalWorks";
  static final String PROVINCIAL_WORKS = "provincialWorks";
  static final String DISTRICT_WORKS = "districtWorks";
  static final String WORKS_COUNT_ACCEPTED = "worksCountAccepted";
  static final String WORKS_REFUSAL = "worksRefusal";

  // one work
  static final String WORK_ID = "workId";
  static final String WORK_NAME = "workName";
  static final String WORK_DUE = "workDue";
  static final String WORK_DUE_TEXT = "workDueText";
  static final String WORK_WARNING = "workWarning";
  static final String WORK_REVIEW_DUE = "workReviewDue";
  static final String WORK_DUE_WARNING = "workDueWarning";
  static final String WORK_FINISHED = "workFinished";
  static final String WORK_OVERDUE = "workOverdue";
  static final String PROGRESS_PERCENT = "progressPercent";
  static final String PROGRESS_NOTE = "progressNote";
  static final String COMPLETED_ON = "completedOn";
  static final String COMPLETION_KIND = "completionKind";
  static final String COMPLETION_NOTE = "completionNote";
  static final String OVERDUE_REVIEW_COMMENT = "overdueReviewComment";

  // end of the campaign
  static final String WORKS_SUMMARY = "worksSummary";
  static final String COMMENDED = "commended";
  static final String COMMENDATION = "commendation";

  private WorksVariables() {}
}
