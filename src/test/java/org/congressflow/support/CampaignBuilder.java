package org.congressflow.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.congressflow.campaign.CampaignDefinition;
import org.congressflow.campaign.CampaignDefinition.Cell;
import org.congressflow.campaign.CampaignDefinition.DeadlinePolicy;
import org.congressflow.campaign.CampaignDefinition.Deadlines;
import org.congressflow.campaign.CampaignDefinition.District;
import org.congressflow.campaign.CampaignDefinition.Organisation;
import org.congressflow.campaign.CampaignDefinition.Pilot;
import org.congressflow.campaign.CampaignDefinition.QualityReview;
import org.congressflow.campaign.CampaignDefinition.Rules;
import org.congressflow.campaign.CampaignDefinition.Superior;

/**
 * Small campaigns for tests, with the seed's dates: {@code aCampaign().withBaseCommittee("khanh-an").withCells(3)}.
 * The provincial congress and the quality review are left to the campaign file's defaults (the seed's dates too).
 * Every campaign gets a unique id, so tests can share one database.
 */
public final class CampaignBuilder {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final String id = "test-" + SEQUENCE.incrementAndGet();
  private final List<OrganisationBuilder> organisations = new ArrayList<>();
  private String pilot = "khanh-trung";
  private boolean directSecretaryElection = true;
  private Deadlines deadlines = new Deadlines(LocalDate.of(2019, 11, 20), LocalDate.of(2020, 3, 31),
      LocalDate.of(2020, 4, 20), LocalDate.of(2020, 5, 5), LocalDate.of(2020, 6, 30), LocalDate.of(2020, 8, 14), null);
  private QualityReview qualityReview;

  private DeadlinePolicy policy = DeadlinePolicy.DEFAULT;
  private CampaignDefinition.PersonnelRules personnelRules;

  private CampaignBuilder() {}

  /** The campaign file's rules.personnel (null fields: the defaults of the brief). */
  public CampaignBuilder withPersonnelRules(CampaignDefinition.PersonnelRules personnelRules) {
    this.personnelRules = personnelRules;
    return this;
  }

  public CampaignBuilder withPolicy(DeadlinePolicy policy) {
    this.policy = policy;
    return this;
  }

  /** A district with the pilot Khánh Trung (one cell) and nothing else yet. */
  public static CampaignBuilder aCampaign() {
    var builder = new CampaignBuilder();
    builder.withBaseCommittee("khanh-trung").withCells(1);
    return builder;
  }

  public String id() {
    return id;
  }

  public CampaignBuilder withBaseCommittee(String organisationId) {
    organisations.add(new OrganisationBuilder(organisationId, Organisation.BASE_COMMITTEE, 250));
    return this;
  }

  public CampaignBuilder withBaseCell(String organisationId) {
    organisations.add(new OrganisationBuilder(organisationId, Organisation.BASE_CELL, 30));
    return this;
  }

  /** Cells for the organisation added last, named {@code <org>-cb-01} and so on. */
  public CampaignBuilder withCells(int count) {
    organisations.get(organisations.size() - 1).cells = count;
    return this;
  }

  /** The kind of the organisation added last (commune, town, agency, police, military, school, enterprise). */
  public CampaignBuilder withKind(String kind) {
    organisations.get(organisations.size() - 1).kind = kind;
    return this;
  }

  public CampaignBuilder withPilot(String organisationId) {
    this.pilot = organisationId;
    return this;
  }

  public CampaignBuilder withDeadlines(Deadlines deadlines) {
    this.deadlines = deadlines;
    return this;
  }

  /** The pilot congress without the trial: its secretary is elected by the new committee, as everywhere else. */
  public CampaignBuilder withoutDirectSecretaryElection() {
    this.directSecretaryElection = false;
    return this;
  }

  public CampaignBuilder withQualityReview(QualityReview qualityReview) {
    this.qualityReview = qualityReview;
    return this;
  }

  public CampaignDefinition build() {
    return new CampaignDefinition(id, "Đợt đại hội thử nghiệm " + id, "2020-2025", true,
        new District("huyen-" + id, "Đảng bộ huyện thử nghiệm",
            "Đại hội đại biểu Đảng bộ huyện lần thứ XXIV, nhiệm kỳ 2020-2025", 24, 298),
        new Superior("tinh-thu-nghiem", "Tỉnh ủy thử nghiệm"),
        new Pilot(pilot, directSecretaryElection), deadlines, qualityReview,
        new Rules(200, 300, "2020-2022", personnelRules), policy,
        organisations.stream().map(OrganisationBuilder::build).toList());
  }

  private static final class OrganisationBuilder {
    private final String id;
    private final String type;
    private final int members;
    private int cells;
    private String kind = "commune";

    OrganisationBuilder(String id, String type, int members) {
      this.id = id;
      this.type = type;
      this.members = members;
    }

    Organisation build() {
      var cellList = new ArrayList<Cell>();
      for (int i = 1; i <= cells; i++) {
        cellList.add(new Cell(String.format("%s-cb-%02d", id, i), "Chi bộ số " + i, 20));
      }
      return new Organisation(id, "Đảng bộ " + id, type, kind, members, null, cellList);
    }
  }
}
