package org.congressflow.campaign;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.congressflow.campaign.CampaignDefinition.Cell;
import org.congressflow.campaign.CampaignDefinition.Organisation;

/**
 * A campaign's organisations and cells by id, built once per started campaign ({@link CampaignRegistry#index}):
 * looking one up is a map lookup, not a scan of a list that holds tens of thousands at a province's size.
 */
public final class CampaignIndex {

  private final Map<String, Organisation> organisations = new HashMap<>();
  private final Map<String, Cell> cells = new HashMap<>();
  private final Map<String, Organisation> parents = new HashMap<>();

  CampaignIndex(CampaignDefinition campaign) {
    for (Organisation organisation : campaign.organisationList()) {
      organisations.put(organisation.id(), organisation);
      for (Cell cell : organisation.cellList()) {
        cells.put(cell.id(), cell);
        parents.put(cell.id(), organisation);
      }
    }
  }

  public Optional<Organisation> organisation(String organisationId) {
    return Optional.ofNullable(organisations.get(organisationId));
  }

  public Optional<Cell> cell(String cellId) {
    return Optional.ofNullable(cells.get(cellId));
  }

  /** The base organisation a cell belongs to. */
  public Optional<Organisation> parentOf(String cellId) {
    return Optional.ofNullable(parents.get(cellId));
  }
}
