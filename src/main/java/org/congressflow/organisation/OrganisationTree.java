package org.congressflow.organisation;

import java.util.List;
import org.congressflow.campaign.CampaignDefinition;
import org.congressflow.campaign.CampaignDefinition.Organisation;
import org.congressflow.campaign.CampaignRegistry;
import org.springframework.stereotype.Component;

/**
 * The organisation tree of a started campaign, as the processes ask for it: who takes part at each level
 * (multi-instance collections) and what a congress needs to know about its organisation.
 */
@Component("organisationTree")
public class OrganisationTree {

  private final CampaignRegistry campaigns;

  OrganisationTree(CampaignRegistry campaigns) {
    this.campaigns = campaigns;
  }

  public String pilotId(String campaignId) {
    return campaigns.definition(campaignId).pilot().organisation();
  }

  public String districtId(String campaignId) {
    return campaigns.definition(campaignId).district().id();
  }

  /** The campaign's District Organisation Board (the lessons conference): a candidate group of the campaign. */
  public String organisationBoardGroup(String campaignId) {
    return Groups.of(campaigns.definition(campaignId)).organisationBoard();
  }

  /** The campaign's District Standing Committee (publishes the lessons, commends the works). */
  public String standingCommitteeGroup(String campaignId) {
    return Groups.of(campaigns.definition(campaignId)).standingCommittee();
  }

  /** Every base organisation except the pilot, in file order. */
  public List<String> baseIdsExceptPilot(String campaignId) {
    var campaign = campaigns.definition(campaignId);
    return campaign.organisationList().stream().map(Organisation::id)
        .filter(id -> !id.equals(campaign.pilot().organisation())).toList();
  }

  /** Every base organisation and the district itself: those that register welcoming works and are reviewed. */
  public List<String> baseIdsAndDistrict(String campaignId) {
    var campaign = campaigns.definition(campaignId);
    var ids = new java.util.ArrayList<>(campaign.organisationList().stream().map(Organisation::id).toList());
    ids.add(campaign.district().id());
    return ids;
  }

  public List<String> cellIds(String campaignId, String organisationId) {
    return campaigns.index(campaignId).organisation(organisationId).orElseThrow()
        .cellList().stream().map(CampaignDefinition.Cell::id).toList();
  }

  /** The setting of the congress of any organisation of the campaign: district, base organisation or cell. */
  public CongressSetting congressOf(String campaignId, String organisationId) {
    var campaign = campaigns.definition(campaignId);
    var deadlines = campaign.deadlines();
    var groups = Groups.of(campaign);
    if (organisationId.equals(campaign.district().id())) {
      var district = campaign.district();
      int members = campaign.organisationList().stream().mapToInt(Organisation::members).sum();
      return new CongressSetting(district.id(), district.name(), district.congressName(), Level.DISTRICT, false, true,
          members, deadlines.districtCongress(), groups.staff(district.id()), groups.standingCommittee(),
          groups.provinceLiaison(), groups.provinceLiaison(), groups.provinceLiaison(), groups.provinceLiaison(),
          groups.provinceLiaison());
    }
    var index = campaigns.index(campaignId);
    var base = index.organisation(organisationId);
    if (base.isPresent()) {
      var org = base.get();
      boolean pilot = org.id().equals(campaign.pilot().organisation());
      boolean delegates = org.congress() == null
          ? org.members() >= campaign.delegatesCongressFromMembers()
          : org.congress().equals("delegates");
      String name = (delegates ? "Đại hội đại biểu " : "Đại hội ") + org.name() + " nhiệm kỳ " + campaign.term()
          + (pilot ? " (đại hội điểm)" : "");
      return new CongressSetting(org.id(), org.name(), name, Level.BASE, pilot, delegates, org.members(),
          pilot ? deadlines.pilotCongress() : deadlines.baseCongresses(), groups.staff(org.id()),
          groups.leaders(org.id()), groups.standingCommittee(), groups.organisationBoard(), groups.inspection(),
          groups.organisationBoard(), groups.standingCommittee());
    }
    var parent = index.parentOf(organisationId)
        .orElseThrow(() -> new IllegalArgumentException(
            "Campaign '" + campaignId + "' has no organisation '" + organisationId + "'"));
    var cell = index.cell(organisationId).orElseThrow();
    String name = cell.name() + " - " + parent.name();
    return new CongressSetting(cell.id(), name, "Đại hội " + name + " nhiệm kỳ " + campaign.cellTerm(), Level.CELL,
        false, false, cell.members(), deadlines.cellCongresses(), groups.staff(cell.id()), groups.leaders(cell.id()),
        groups.leaders(parent.id()), groups.leaders(parent.id()), groups.leaders(parent.id()),
        groups.leaders(parent.id()), groups.leaders(parent.id()));
  }
}
