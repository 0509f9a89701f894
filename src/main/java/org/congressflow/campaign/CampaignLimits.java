package org.congressflow.campaign;

import org.congressflow.campaign.CampaignDefinition.Organisation;

/**
 * The longest ids and texts a campaign file may have, so that a valid file always launches: each limit is what the
 * narrowest column it reaches holds (CongressFlow's db/migration tables, Camunda 7.24's ACT_* tables), in
 * characters, as PostgreSQL and H2 count them.
 */
final class CampaignLimits {

  /** cf_campaign.id and the campaign_id of every other cf_ table are varchar(100). */
  static final int CAMPAIGN_ID = 100;
  /**
   * The ids of the district, organisations and cells become group ids ({@code <tenant>.<id>-leaders}) and demo user
   * ids ({@code <tenant>.<id>-secretary} at most), varchar(64) in ACT_ID_GROUP and ACT_ID_USER: 64 less the longest
   * suffix and the tenant with its dot, so the longest tenant leaves this much.
   */
  static final int ORGANISATION_ID = organisationId(CampaignDefinition.TENANT_MAX);

  /** The longest organisation id beside a tenant id of the given length. */
  static int organisationId(int tenantLength) {
    return 64 - "-secretary".length() - tenantLength - 1;
  }
  /**
   * Group names are varchar(255) in ACT_ID_GROUP, the longest being "Chi ủy viên - <cell> - <organisation>" (17
   * characters and both names): 150 for an organisation, 85 for a cell leave 3 to spare. The other names built
   * from them (process variables, varchar(4000); the dashboard's cf_progress.name, varchar(500)) are shorter.
   */
  static final int ORGANISATION_NAME = 150;
  static final int CELL_NAME = 85;
  /** The campaign's name is the name of its campaign process on the dashboard: cf_progress.name, varchar(500). */
  static final int CAMPAIGN_NAME = 500;
  /** A term ("2020-2025") ends every congress's name, a process variable of varchar(4000) with the names above. */
  static final int TERM = 50;
  /** The district congress's name and a stated reason: process variables and e-mails, kept well under 4000. */
  static final int TEXT = 500;

  private CampaignLimits() {}

  static void check(CampaignDefinition campaign, Problems problems) {
    atMost(problems, "id", campaign.id(), CAMPAIGN_ID);
    atMost(problems, "tenant", campaign.tenant(), CampaignDefinition.TENANT_MAX);
    String tenant = campaign.tenantId();
    // the longest ids beside this tenant; beside a tenant too long (a problem already) as if it were fixed
    int idMax = organisationId(tenant == null || tenant.length() > CampaignDefinition.TENANT_MAX ? 0 : tenant.length());
    atMost(problems, "name", campaign.name(), CAMPAIGN_NAME);
    atMost(problems, "term", campaign.term(), TERM);
    if (campaign.rules() != null) {
      atMost(problems, "rules.cellTerm", campaign.rules().cellTerm(), TERM);
    }
    if (campaign.district() != null) {
      atMost(problems, "district.id", campaign.district().id(), idMax);
      atMost(problems, "district.name", campaign.district().name(), ORGANISATION_NAME);
      atMost(problems, "district.congressName", campaign.district().congressName(), TEXT);
    }
    if (campaign.superior() != null) {
      atMost(problems, "superior.id", campaign.superior().id(), idMax);
      atMost(problems, "superior.name", campaign.superior().name(), ORGANISATION_NAME);
    }
    var organisations = campaign.organisationList();
    for (int i = 0; i < organisations.size(); i++) {
      Organisation org = organisations.get(i);
      if (org == null) {
        continue;
      }
      String path = "organisations[" + i + "]";
      atMost(problems, path + ".id", org.id(), idMax);
      atMost(problems, path + ".name", org.name(), ORGANISATION_NAME);
      atMost(problems, path + ".congressReason", org.congressReason(), TEXT);
      var cells = org.cellList();
      for (int j = 0; j < cells.size(); j++) {
        if (cells.get(j) != null) {
          atMost(problems, path + ".cells[" + j + "].id", cells.get(j).id(), idMax);
          atMost(problems, path + ".cells[" + j + "].name", cells.get(j).name(), CELL_NAME);
        }
      }
    }
  }

  private static void atMost(Problems problems, String path, String value, int max) {
    int length = value == null ? 0 : value.codePointCount(0, value.length());
    if (length > max) {
      problems.add(path, length + " characters, more than the " + max + " it may have");
    }
  }
}
