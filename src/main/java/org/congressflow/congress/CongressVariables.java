package org.congressflow.congress;

/** Names of the process variables of the congress processes (cell, base, district). */
public final class CongressVariables {

  // set by the parent process
  public static final String CAMPAIGN_ID = "campaignId";
  public static final String ORGANISATION_ID = "organisationId";

  // set from the campaign when a congress starts
  public static final String ORGANISATION_NAME = "organisationName";
  public static final String CONGRESS_NAME = "congressName";
  public static final String LEVEL = "level";
  public static final String PILOT = "pilot";
  /** The pilot congress elects its secretary itself (the campaign file's pilot.directSecretaryElection). */
  public static final String DIRECT_SECRETARY_ELECTION = "directSecretaryElection";
  public static final String DELEGATES_CONGRESS = "delegatesCongress";
  public static final String CONGRESS_DUE = "congressDue";
  public static final String STAFF_GROUP = "staffGroup";
  public static final String LEADERS_GROUP = "leadersGroup";
  public static final String SUPERIOR_GROUP = "superiorGroup";
  public static final String APPRAISAL_GROUP = "appraisalGroup";
  public static final String INSPECTION_GROUP = "inspectionGroup";

  // gates: the decision of the last gate task (every round is in the decision record)
  public static final String DECISION = "decision";
  public static final String COMMENT = "comment";
  public static final String APPROVE = "approve";
  public static final String SEND_BACK = "sendBack";
  /** In a gate (see processes/approval-gate.bpmn): the congress step it decides and that step's name. */
  public static final String GATE_STEP = "gateStep";
  public static final String GATE_NAME = "gateName";
  /** In a gate: the congress's submitted documents, every version (a table's rows, and Markdown links). */
  public static final String DOCUMENTS = "documents";
  public static final String DOCUMENT_LINKS = "documentLinks";

  // results entered at the congress
  public static final String CONGRESS_DATE = "congressDate";
  public static final String COMMITTEE_SIZE = "committeeSize";
  public static final String SECRETARY = "secretary";
  public static final String DEPUTY_SECRETARIES = "deputySecretaries";
  public static final String DELEGATES_ELECTED = "delegatesElected";
  public static final String CONGRESS_RESULTS = "congressResults";

  // district congress
  public static final String DISTRICT_DELEGATES = "districtDelegates";

  private CongressVariables() {}
}
