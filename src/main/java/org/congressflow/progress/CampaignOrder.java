package org.congressflow.progress;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.congressflow.campaign.CampaignDefinition;
import org.congressflow.campaign.CampaignRegistry;
import org.springframework.stereotype.Component;

/**
 * Where an organisation stands in its campaign file: the district 0, then each base organisation followed by its
 * cells. Written with each read-model row, so the dashboard's pages come in file order straight from an index.
 */
@Component
class CampaignOrder {

  private final CampaignRegistry campaigns;
  private final Map<String, Map<String, Integer>> positions = new ConcurrentHashMap<>();

  CampaignOrder(CampaignRegistry campaigns) {
    this.campaigns = campaigns;
  }

  /** Null for an organisation the campaign does not list (or an unknown campaign): such rows come last. */
  Integer position(String campaignId, String organisationId) {
    if (campaignId == null || organisationId == null) {
      return null;
    }
    var known = positions.get(campaignId);
    if (known == null) {
      if (!campaigns.exists(campaignId)) {
        return null;
      }
      known = positions.computeIfAbsent(campaignId, id -> positions(campaigns.definition(id)));
    }
    return known.get(organisationId);
  }

  private static Map<String, Integer> positions(CampaignDefinition campaign) {
    Map<String, Integer> order = new HashMap<>();
    order.put(campaign.district().id(), 0);
    int index = 1;
    for (var organisation : campaign.organisationList()) {
      order.put(organisation.id(), index++);
      for (var cell : organisation.cellList()) {
        order.put(cell.id(), index++);
      }
    }
    return order;
  }
}
