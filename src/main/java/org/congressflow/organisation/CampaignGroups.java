package org.congressflow.organisation;

import java.util.ArrayList;
import java.util.List;
import org.congressflow.campaign.CampaignDefinition;

/** The groups a campaign needs, with their Vietnamese names: the BRIEF's roles for every organisation. */
public final class CampaignGroups {

  /**
   * A group to create; {@code role} tells which demo user it gets, {@code organisationId} whose group it is (null
   * for the district's boards, the province's liaison and the managers).
   */
  public record GroupSpec(String id, String name, Role role, String organisationId) {}

  public enum Role { STAFF, LEADERS, ORGANISATION_BOARD, INSPECTION, STANDING_COMMITTEE, PROVINCE_LIAISON, MANAGERS }

  private CampaignGroups() {}

  public static List<GroupSpec> of(CampaignDefinition campaign) {
    var district = campaign.district();
    var ids = Groups.of(campaign);
    var groups = new ArrayList<GroupSpec>();
    groups.add(new GroupSpec(ids.organisationBoard(), "Ban Tổ chức Huyện ủy", Role.ORGANISATION_BOARD, null));
    groups.add(new GroupSpec(ids.inspection(), "Ủy ban Kiểm tra Huyện ủy", Role.INSPECTION, null));
    groups.add(new GroupSpec(ids.standingCommittee(), "Ban Thường vụ Huyện ủy", Role.STANDING_COMMITTEE, null));
    groups.add(new GroupSpec(ids.provinceLiaison(),
        "Ban Thường vụ " + campaign.superior().name(), Role.PROVINCE_LIAISON, null));
    groups.add(new GroupSpec(ids.managers(), "Lãnh đạo theo dõi", Role.MANAGERS, null));
    groups.add(new GroupSpec(ids.staff(district.id()), "Văn phòng Huyện ủy", Role.STAFF, district.id()));
    for (var org : campaign.organisationList()) {
      groups.add(new GroupSpec(ids.staff(org.id()), "Cán bộ giúp việc - " + org.name(), Role.STAFF, org.id()));
      groups.add(new GroupSpec(ids.leaders(org.id()), "Thường trực cấp ủy - " + org.name(), Role.LEADERS, org.id()));
      for (var cell : org.cellList()) {
        String name = cell.name() + " - " + org.name();
        groups.add(new GroupSpec(ids.staff(cell.id()), "Chi ủy viên - " + name, Role.STAFF, cell.id()));
        groups.add(new GroupSpec(ids.leaders(cell.id()), "Bí thư - " + name, Role.LEADERS, cell.id()));
      }
    }
    return groups;
  }
}
