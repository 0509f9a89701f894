package org.congressflow.organisation;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.congressflow.campaign.CampaignDefinition;
import org.congressflow.campaign.CampaignSetup;
import org.congressflow.organisation.CampaignGroups.GroupSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: one user per role and organisation, with Vietnamese names, e-mail addresses and the
 * demo password. Outside the demo profile this bean does not exist, so no user has a known password.
 */
@Component
@Profile("demo")
@Order(2) // after IdentitySetup: a demo user joins a group it created
class DemoUsers implements CampaignSetup {

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);
  private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đinh", "Phan"};
  private static final String[] GIVEN = {"Văn An", "Thị Bình", "Văn Cường", "Thị Dung", "Đức Hải", "Thị Hoa",
      "Minh Khang", "Thị Lan", "Quang Minh", "Thị Ngọc", "Văn Phúc", "Thị Quyên", "Hữu Sơn", "Thị Thảo",
      "Văn Tùng", "Thị Vân"};

  private final IdentityService identityService;
  private final String password;

  DemoUsers(IdentityService identityService, @Value("${congressflow.demo.password}") String password) {
    this.identityService = identityService;
    this.password = password;
  }

  /**
   * Creates the missing demo users of a campaign's groups. A user id that another campaign's demo user already has
   * gets this campaign's tenant in front ({@code <tenant>.khanh-an-officer}): a user of one district never joins
   * another district's groups.
   */
  @Override
  public void setUp(CampaignDefinition campaign) {
    var ids = new ArrayList<String>();
    int index = 0;
    for (GroupSpec group : CampaignGroups.of(campaign)) {
      String userId = userIdFor(group);
      if (exists(userId) && identityService.createUserQuery().userId(userId).memberOfGroup(group.id()).count() == 0) {
        userId = campaign.tenantId() + Groups.SEPARATOR + userId;
      }
      ids.add(userId);
      if (!exists(userId)) {
        var user = identityService.newUser(userId);
        user.setFirstName(FAMILY[index % FAMILY.length] + " " + GIVEN[(index * 7) % GIVEN.length].split(" ")[0]);
        user.setLastName(GIVEN[(index * 7) % GIVEN.length].split(" ")[1]);
        user.setEmail(userId + "@demo.congressflow.vn");
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.createMembership(userId, group.id());
      }
      index++;
    }
    log.info("Demo users of campaign {}: {} (password: the demo password)", campaign.id(), ids.size());
  }

  private boolean exists(String userId) {
    return identityService.createUserQuery().userId(userId).count() > 0;
  }

  /** {@code khanh-trung-staff} gets {@code khanh-trung-officer}; district roles get a role name. */
  public static String userIdFor(GroupSpec group) {
    return switch (group.role()) {
      case STAFF -> group.organisationId() + "-officer";
      case LEADERS -> group.organisationId() + "-secretary";
      case ORGANISATION_BOARD -> "organisation-board-officer";
      case INSPECTION -> "inspection-officer";
      case STANDING_COMMITTEE -> "standing-committee-member";
      case PROVINCE_LIAISON -> "province-liaison-officer";
      case MANAGERS -> "manager";
    };
  }
}
