package org.congressflow.organisation;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.congressflow.campaign.CampaignDefinition;
import org.congressflow.campaign.CampaignSetup;
import org.congressflow.campaign.LaunchTransactions;
import org.congressflow.organisation.CampaignGroups.GroupSpec;
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
  private final LaunchTransactions transactions;

  TenantSetup(IdentityService identityService, LaunchTransactions transactions) {
    this.identityService = identityService;
    this.transactions = transactions;
  }

  /**
   * Idempotent: an existing tenant and memberships are left as they are. The memberships in batches, each in a
   * transaction of its own with one query for those of the batch that are members already.
   */
  @Override
  public void setUp(CampaignDefinition campaign) {
    String tenantId = campaign.tenantId();
    transactions.run(campaign.id(), () -> {
      if (identityService.createTenantQuery().tenantId(tenantId).count() == 0) {
        var tenant = identityService.newTenant(tenantId);
        tenant.setName(campaign.district().name() + " - " + campaign.term());
        identityService.saveTenant(tenant);
      }
    });
    var added = new AtomicInteger();
    transactions.inBatches(campaign.id(), "tenant memberships", CampaignGroups.of(campaign), batch -> {
      var members = identityService.createGroupQuery().memberOfTenant(tenantId)
          .groupIdIn(batch.stream().map(GroupSpec::id).toArray(String[]::new)).list().stream()
          .map(Group::getId).collect(Collectors.toSet());
      for (var group : batch) {
        if (!members.contains(group.id())) {
          identityService.createTenantGroupMembership(tenantId, group.id());
          added.incrementAndGet();
        }
      }
    });
    log.info("Campaign {} is tenant {}: {} groups joined it", campaign.id(), tenantId, added.get());
  }
}
