package org.congressflow.organisation;

import java.util.ArrayList;
import java.util.List;
import org.congressflow.campaign.CampaignDefinition;

/** The groups a campaign needs, with their Vietnamese names: the BRIEF's roles for every organisation. */
public final class CampaignGroups {

  /** A group to create; {@code role} tells which demo user it gets. */
  public record GroupSpec(String id, String name, Role role) {}

  public enum Role { STAFF, LEADERS, ORGANISATION_BOARD, INSPECTION, STANDING_COMMITTEE, PROVINCE_LIAISON, MANAGERS }

  private CampaignGroups() {}

  public static List<GroupSpec> of(CampaignDefinition campaign) {
    var district = campaign.district();
    var groups = new ArrayList<GroupSpec>();
    groups.add(new GroupSpec(Groups.ORGANISATION_BOARD, "Ban Tổ chức Huyện ủy", Role.ORGANISATION_BOARD));
    groups.add(new GroupSpec(Groups.INSPECTION, "Ủy ban Kiểm tra Huyện ủy", Role.INSPECTION));
    groups.add(new GroupSpec(Groups.STANDING_COMMITTEE, "Ban Thường vụ Huyện ủy", Role.STANDING_COMMITTEE));
    groups.add(new GroupSpec(Groups.PROVINCE_LIAISON,
        "Ban Thường vụ " + campaign.superior().name(), Role.PROVINCE_LIAISON));
    groups.add(new GroupSpec(Groups.MANAGERS, "Lãnh đạo theo dõi", Role.MANAGERS));
    groups.add(new GroupSpec(Groups.staff(district.id()), "Văn phòng Huyện ủy", Role.STAFF));
    for (var org : campaign.organisationList()) {
      groups.add(new GroupSpec(Groups.staff(org.id()), "Cán bộ giúp việc - " + org.name(), Role.STAFF));
      groups.add(new GroupSpec(Groups.leaders(org.id()), "Thường trực cấp ủy - " + org.name(), Role.LEADERS));
      for (var cell : org.cellList()) {
        String name = cell.name() + " - " + org.name();
        groups.add(new GroupSpec(Groups.staff(cell.id()), "Chi ủy viên - " + name, Role.STAFF));
        groups.add(new GroupSpec(Groups.leaders(cell.id()), "Bí thư - " + name, Role.LEADERS));
      }
    }
    return groups;
  }
}
