package org.congressflow.organisation;

import java.util.HashSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.congressflow.campaign.CampaignDefinition;
import org.congressflow.campaign.CampaignSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes a campaign one Camunda tenant: the tenant itself, and every group of the campaign a member of it, so each
 * user of those groups works in this tenant alone. The engine's tenant check then keeps every query and command of
 * an authenticated user (Tasklist, Cockpit, the REST API) to the user's own campaign, whatever the grants say.
 */
@Component
@Order(2) // after IdentitySetup, which creates the groups
class TenantSetup implements CampaignSetup {

  private static final Logger log = LoggerFactory.getLogger(TenantSetup.class);

  private final IdentityService identityService;

  TenantSetup(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** Idempotent: an existing tenant and memberships are left as they are. */
  @Override
  public void setUp(CampaignDefinition campaign) {
    String tenantId = campaign.tenantId();
    if (identityService.createTenantQuery().tenantId(tenantId).count() == 0) {
      var tenant = identityService.newTenant(tenantId);
      tenant.setName(campaign.district().name() + " - " + campaign.term());
      identityService.saveTenant(tenant);
    }
    var members = new HashSet<String>();
    identityService.createGroupQuery().memberOfTenant(tenantId).list().stream().map(Group::getId).forEach(members::add);
    int added = 0;
    for (var group : CampaignGroups.of(campaign)) {
      if (members.add(group.id())) {
        identityService.createTenantGroupMembership(tenantId, group.id());
        added++;
      }
    }
    log.info("Campaign {} is tenant {}: {} groups joined it", campaign.id(), tenantId, added);
  }
}
