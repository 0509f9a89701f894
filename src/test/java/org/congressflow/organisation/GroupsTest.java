package org.congressflow.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Group ids of two tenants never meet, even when one tenant's id begins with the other's. */
class GroupsTest {

  private final Groups yenKhanh = new Groups("yen-khanh");
  private final Groups yenKhanhA = new Groups("yen-khanh-a");

  @Test
  void everyGroupIdIsTheTenantADotAndTheRole() {
    assertThat(yenKhanh.staff("khanh-an")).isEqualTo("yen-khanh.khanh-an-staff");
    assertThat(yenKhanh.leaders("khanh-an-cb-01")).isEqualTo("yen-khanh.khanh-an-cb-01-leaders");
    assertThat(List.of(yenKhanh.organisationBoard(), yenKhanh.inspection(), yenKhanh.standingCommittee(),
        yenKhanh.provinceLiaison(), yenKhanh.managers())).containsExactly("yen-khanh.district-organisation-board",
        "yen-khanh.district-inspection", "yen-khanh.district-standing-committee", "yen-khanh.province-liaison",
        "yen-khanh.managers");
  }

  @Test
  void aTenantOwnsItsGroupsAndNoneOfAnotherWhoseIdStartsLikeIt() {
    // tenant "yen-khanh" with organisation "a-khanh-an" and tenant "yen-khanh-a" with "khanh-an" would be one
    // group id if a hyphen joined them
    assertThat(yenKhanh.staff("a-khanh-an")).isNotEqualTo(yenKhanhA.staff("khanh-an"));
    assertThat(yenKhanh.owns(yenKhanhA.staff("khanh-an"))).isFalse();
    assertThat(yenKhanhA.owns(yenKhanh.managers())).isFalse();
    assertThat(yenKhanh.owns(yenKhanh.managers())).isTrue();
    assertThat(yenKhanh.owns(Groups.ADMINS)).isFalse();
    assertThat(yenKhanh.anyOwned(List.of(Groups.ADMINS, yenKhanhA.managers()))).isFalse();
  }

  @Test
  void anOrganisationIsFoundFromItsOwnTenantsStaffAndLeadersGroupsOnly() {
    assertThat(yenKhanh.organisationOf(yenKhanh.staff("khanh-an"))).contains("khanh-an");
    assertThat(yenKhanh.organisationOf(yenKhanh.leaders("khanh-an-cb-01"))).contains("khanh-an-cb-01");
    assertThat(yenKhanh.organisationOf(yenKhanhA.staff("khanh-an"))).isEmpty();
    assertThat(yenKhanh.organisationOf(yenKhanh.organisationBoard())).isEmpty();
    assertThat(Groups.isOrganisationBoard(yenKhanhA.organisationBoard())).isTrue();
    assertThat(Groups.isOrganisationBoard("district-organisation-board")).as("a group of no tenant").isFalse();
  }

  @Test
  void aTenantIdWithADotIsRefused() {
    assertThatThrownBy(() -> new Groups("ninh-binh.yen-khanh")).isInstanceOf(IllegalArgumentException.class);
  }
}
