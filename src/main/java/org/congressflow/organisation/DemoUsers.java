package org.congressflow.organisation;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.congressflow.campaign.CampaignDefinition;
import org.congressflow.campaign.CampaignSetup;
import org.congressflow.campaign.LaunchTransactions;
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
  private final LaunchTransactions transactions;

  DemoUsers(IdentityService identityService, @Value("${congressflow.demo.password}") String password,
      LaunchTransactions transactions) {
    this.transactions = transactions;
    this.identityService = identityService;
    this.password = password;
  }

  /**
   * Creates the missing demo users of a campaign's groups, in batches (one query each for those that exist). A user
   * id that another campaign's demo user already has gets this campaign's tenant in front
   * ({@code <tenant>.khanh-an-officer}): a user of one district never joins another district's groups.
   */
  @Override
  public void setUp(CampaignDefinition campaign) {
    var groups = CampaignGroups.of(campaign);
    var positions = IntStream.range(0, groups.size()).boxed().toList();
    transactions.inBatches(campaign.id(), "demo users", positions, batch -> createMissing(campaign, groups, batch));
    log.info("Demo users of campaign {}: {} (password: the demo password)", campaign.id(), groups.size());
  }

  private void createMissing(CampaignDefinition campaign, List<GroupSpec> groups, List<Integer> positions) {
    var existing = identityService.createUserQuery()
        .userIdIn(positions.stream().map(index -> userIdFor(groups.get(index))).toArray(String[]::new)).list()
        .stream().map(User::getId).collect(Collectors.toSet());
    for (int index : positions) {
      GroupSpec group = groups.get(index);
      String userId = userIdFor(group);
      if (existing.contains(userId)) {
        if (identityService.createUserQuery().userId(userId).memberOfGroup(group.id()).count() > 0) {
          continue;
        }
        userId = campaign.tenantId() + Groups.SEPARATOR + userId; // another district's demo user has this id
        if (identityService.createUserQuery().userId(userId).count() > 0) {
          continue;
        }
      }
      var user = identityService.newUser(userId);
      user.setFirstName(FAMILY[index % FAMILY.length] + " " + GIVEN[(index * 7) % GIVEN.length].split(" ")[0]);
      user.setLastName(GIVEN[(index * 7) % GIVEN.length].split(" ")[1]);
      user.setEmail(userId + "@demo.congressflow.vn");
      user.setPassword(password);
      identityService.saveUser(user);
      identityService.createMembership(userId, group.id());
    }
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
