package org.congressflow.progress;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.congressflow.campaign.CampaignDefinition;
import org.congressflow.campaign.CampaignDefinition.Cell;
import org.congressflow.organisation.Groups;
import org.congressflow.security.Caller;

/**
 * Which congresses of a campaign a caller may see: the district groups, the district office, the province's
 * liaison, managers and administrators see all; the staff and leaders of an organisation see it and its cells.
 */
record Visibility(boolean all, Set<String> organisations) {

  static final Visibility ALL = new Visibility(true, Set.of());
  private static final Set<String> SEE_ALL = Set.of(Groups.ORGANISATION_BOARD, Groups.INSPECTION,
      Groups.STANDING_COMMITTEE, Groups.MANAGERS, Groups.ADMINS, Groups.PROVINCE_LIAISON);

  static Visibility of(Caller caller, CampaignDefinition campaign) {
    String district = campaign.district().id();
    if (caller.groupIds().stream().anyMatch(g -> SEE_ALL.contains(g)
        || g.equals(Groups.staff(district)) || g.equals(Groups.leaders(district)))) {
      return ALL;
    }
    Set<String> known = new TreeSet<>();
    campaign.organisationList().forEach(org -> known.add(org.id()));
    campaign.cells().map(Cell::id).forEach(known::add);
    var own = caller.groupIds().stream()
        .flatMap(g -> Stream.of(Groups.staff(""), Groups.leaders(""))
            .filter(g::endsWith).map(suffix -> g.substring(0, g.length() - suffix.length())))
        .filter(known::contains)
        .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    return new Visibility(false, own);
  }

  /** As {@link #of}, but refuses a caller who belongs to no organisation of the campaign. */
  static Visibility required(Caller caller, CampaignDefinition campaign) {
    var visibility = of(caller, campaign);
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
