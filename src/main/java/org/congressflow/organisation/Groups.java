package org.congressflow.organisation;

import org.congressflow.campaign.CampaignDefinition;

/**
 * Group ids of the BRIEF's roles in one campaign's tenant: district-wide groups and two groups per organisation,
 * each {@code <tenant>.<role>} so that two campaigns with the same organisation ids never share a group. Tenant ids
 * and organisation ids have no dot, so the tenant of a group id is what precedes its dot. Only the administrators'
 * group is global.
 */
public record Groups(String tenant) {

  public static final String ADMINS = "camunda-admin";
  /** Between the tenant and the role in a group id; no tenant or organisation id has one. */
  static final char SEPARATOR = '.';

  public Groups {
    if (tenant == null || tenant.isBlank() || tenant.indexOf(SEPARATOR) >= 0) {
      throw new IllegalArgumentException("not a tenant id: '" + tenant + "'");
    }
  }

  public static Groups of(CampaignDefinition campaign) {
    return new Groups(campaign.tenantId());
  }

  /** Ban Tổ chức Huyện ủy: appraises personnel plans, tracks progress, handles escalations. */
  public String organisationBoard() {
    return id("district-organisation-board");
  }

  /** Ủy ban Kiểm tra Huyện ủy: verifies personnel. */
  public String inspection() {
    return id("district-inspection");
  }

  /** Ban Thường vụ Huyện ủy: approves and ratifies. */
  public String standingCommittee() {
    return id("district-standing-committee");
  }

  /** The province's standing committee as the district's superior (its liaison to this campaign). */
  public String provinceLiaison() {
    return id("province-liaison");
  }

  /** Read-only monitoring of this campaign in Cockpit and the dashboard. */
  public String managers() {
    return id("managers");
  }

  /** Office staff of an organisation: drafts plans and reports, records results. */
  public String staff(String organisationId) {
    return id(organisationId + "-staff");
  }

  /** Secretary and standing board of an organisation: approves its own and its cells' steps. */
  public String leaders(String organisationId) {
    return id(organisationId + "-leaders");
  }

  /** Whether a group id is the District Organisation Board of some campaign. */
  public static boolean isOrganisationBoard(String groupId) {
    int dot = groupId.indexOf(SEPARATOR);
    return dot > 0 && groupId.substring(dot + 1).equals("district-organisation-board");
  }

  /** Whether a group id is one of this tenant's groups. */
  public boolean owns(String groupId) {
    return groupId.length() > tenant.length() && groupId.startsWith(tenant)
        && groupId.charAt(tenant.length()) == SEPARATOR;
  }

  /** Whether any of a caller's groups is one of this tenant's: the caller works in this campaign. */
  public boolean anyOwned(java.util.Collection<String> groupIds) {
    return groupIds.stream().anyMatch(this::owns);
  }

  /** The organisation whose staff or leaders group this is, if it is one of this tenant's. */
  public java.util.Optional<String> organisationOf(String groupId) {
    if (owns(groupId)) {
      String role = groupId.substring(tenant.length() + 1);
      for (String suffix : new String[] {"-staff", "-leaders"}) {
        if (role.endsWith(suffix)) {
          return java.util.Optional.of(role.substring(0, role.length() - suffix.length()));
        }
      }
    }
    return java.util.Optional.empty();
  }

  private String id(String role) {
    return tenant + SEPARATOR + role;
  }
}
