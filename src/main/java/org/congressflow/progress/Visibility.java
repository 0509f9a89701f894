package org.congressflow.progress;

import java.util.Set;
import java.util.TreeSet;
import org.congressflow.campaign.CampaignDefinition;
import org.congressflow.campaign.CampaignIndex;
import org.congressflow.organisation.Groups;
import org.congressflow.security.Caller;

/**
 * Which congresses of a campaign a caller may see: the district groups, the district office, the province's
 * liaison, managers and administrators see all; the staff and leaders of an organisation see it and its cells.
 */
record Visibility(boolean all, Set<String> organisations) {

  static final Visibility ALL = new Visibility(true, Set.of());

  /** Only the caller's groups of this campaign's tenant count: another district's boards see nothing here. */
  static Visibility of(Caller caller, CampaignDefinition campaign, CampaignIndex index) {
    var groups = Groups.of(campaign);
    String district = campaign.district().id();
    Set<String> seeAll = Set.of(groups.organisationBoard(), groups.inspection(), groups.standingCommittee(),
        groups.managers(), groups.provinceLiaison(), groups.staff(district), groups.leaders(district), Groups.ADMINS);
    if (caller.groupIds().stream().anyMatch(seeAll::contains)) {
      return ALL;
    }
    var own = caller.groupIds().stream().flatMap(g -> groups.organisationOf(g).stream())
        .filter(id -> index.organisation(id).isPresent() || index.cell(id).isPresent())
        .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    return new Visibility(false, own);
  }

  /** As {@link #of}, but refuses a caller who belongs to no organisation of the campaign. */
  static Visibility required(Caller caller, CampaignDefinition campaign, CampaignIndex index) {
    var visibility = of(caller, campaign, index);
    if (visibility.none()) {
      throw new NotVisibleException("Tài khoản " + caller.userId() + " không thuộc tổ chức nào của đợt đại hội này");
    }
    return visibility;
  }

  boolean none() {
    return !all && organisations.isEmpty();
  }

  boolean sees(String organisationId, String parentId) {
    return all || organisations.contains(organisationId) || (parentId != null && organisations.contains(parentId));
  }
}
