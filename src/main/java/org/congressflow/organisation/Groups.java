package org.congressflow.organisation;

/** Group ids of the BRIEF's roles: district-wide groups and two groups per organisation. */
public final class Groups {

  public static final String ORGANISATION_BOARD = "district-organisation-board";
  public static final String INSPECTION = "district-inspection";
  public static final String STANDING_COMMITTEE = "district-standing-committee";
  public static final String PROVINCE_LIAISON = "province-liaison";
  public static final String MANAGERS = "managers";
  public static final String ADMINS = "camunda-admin";

  private Groups() {}

  /** Office staff of an organisation: drafts plans and reports, records results. */
  public static String staff(String organisationId) {
    return organisationId + "-staff";
  }

  /** Secretary and standing board of an organisation: approves its own and its cells' steps. */
  public static String leaders(String organisationId) {
    return organisationId + "-leaders";
  }
}
