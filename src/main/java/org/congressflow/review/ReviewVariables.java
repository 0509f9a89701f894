package org.congressflow.review;

/** Names of the process variables of quality-review. */
final class ReviewVariables {

  // set by the parent process
  static final String CAMPAIGN_ID = "campaignId";
  static final String ORGANISATION_ID = "organisationId";

  // set from the campaign when the review starts (the year and the dues from the campaign file's qualityReview)
  static final String REVIEW_YEAR = "reviewYear";
  static final String ORGANISATION_NAME = "organisationName";
  /** What the task cards of Tasklist show under "Đại hội": the campaign the review belongs to. */
  static final String CONGRESS_NAME = "congressName";
  static final String STAFF_GROUP = "staffGroup";
  static final String LEADERS_GROUP = "leadersGroup";
  static final String SUPERIOR_GROUP = "superiorGroup";
  static final String SELF_REVIEW_DUE = "selfReviewDue";
  static final String DECISION_DUE = "decisionDue";
  static final String PUBLICATION_DUE = "publicationDue";

  // members: entered in a form (members), or imported from a CSV text or a CSV/XLSX file variable
  static final String MEMBERS = "members";
  static final String MEMBER_LIST_CSV = "memberListCsv";
  static final String MEMBER_LIST_FILE = "memberListFile";
  /** The whole list as checked by the server (JSON); the forms' {@code members} may hold fewer fields. */
  static final String REVIEW_MEMBERS = "reviewMembers";
  static final String MEMBER_COUNT = "memberCount";

  // the steps
  static final String ORGANISATION_SELF_LEVEL = "organisationSelfLevel";
  static final String REVIEW_OPINIONS = "reviewOpinions";
  static final String MEETING_DATE = "meetingDate";
  static final String MEETING_MINUTES = "meetingMinutes";
  static final String PROPOSED_ORGANISATION_LEVEL = "proposedOrganisationLevel";
  static final String LEVELS_ACCEPTED = "levelsAccepted";
  static final String LEVELS_REFUSAL = "levelsRefusal";
  static final String PUBLISHED_ON = "publishedOn";

  private ReviewVariables() {}
}
