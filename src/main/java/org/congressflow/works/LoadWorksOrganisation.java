package org.congressflow.works;

import static org.congressflow.works.WorksVariables.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.congressflow.campaign.CampaignDefinition.Organisation;
import org.congressflow.campaign.CampaignRegistry;
import org.congressflow.campaign.DueDates;
import org.congressflow.organisation.CongressAccess;
import org.congressflow.organisation.OrganisationTree;
import org.springframework.stereotype.Component;

/**
 * Start of an organisation's welcoming works: its name, kind (commune, town, agency, ..., or "district" for the
 * district itself), groups, and the deadlines of the congresses a work may welcome, the provincial congress's
 * included (the campaign file's {@code deadlines.provincialCongress}).
 */
@Component("loadWorksOrganisation")
class LoadWorksOrganisation implements ExecutionListener {

  static final String DISTRICT_KIND = "district";

  private final OrganisationTree organisationTree;
  private final CampaignRegistry campaigns;
  private final WorksProperties properties;
  private final CongressAccess congressAccess;

  LoadWorksOrganisation(OrganisationTree organisationTree, CampaignRegistry campaigns, WorksProperties properties,
      CongressAccess congressAccess) {
    this.organisationTree = organisationTree;
    this.campaigns = campaigns;
    this.properties = properties;
    this.congressAccess = congressAccess;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String campaignId = (String) execution.getVariable(CAMPAIGN_ID);
    String organisationId = (String) execution.getVariable(ORGANISATION_ID);
    var campaign = campaigns.definition(campaignId);
    var setting = organisationTree.congressOf(campaignId, organisationId);
    boolean isDistrict = organisationId.equals(campaign.district().id());
    String kind = isDistrict ? DISTRICT_KIND : campaigns.index(campaignId).organisation(organisationId)
        .map(Organisation::kind).orElseThrow(() -> new IllegalArgumentException(
            "Welcoming works run for base organisations and the district, not for '" + organisationId + "'"));
    var deadlines = campaign.deadlines();
    LocalDate provincial = deadlines.provincialCongressDate();
    execution.setVariable(ORGANISATION_NAME, setting.organisationName());
    execution.setVariable(CONGRESS_NAME, setting.congressName());
    execution.setVariable(ORGANISATION_KIND, kind);
    execution.setVariable(STAFF_GROUP, setting.staffGroup());
    execution.setVariable(SUPERIOR_GROUP, setting.superiorGroup());
    execution.setVariable(APPRAISAL_GROUP, setting.appraisalGroup());
    execution.setVariable(REGISTRATION_DUE, DueDates.endOf(deadlines.planIssued().plusDays(properties.registrationDays())));
    execution.setVariable(OWN_CONGRESS_DUE, DueDates.endOf(setting.due()));
    execution.setVariable(DISTRICT_CONGRESS_DUE, DueDates.endOf(deadlines.districtCongress()));
    execution.setVariable(PROVINCIAL_CONGRESS_DUE, DueDates.endOf(provincial));
    execution.setVariable(COMMENDATION_DUE, DueDates.endOf(provincial));
    execution.setVariable(WORKS_REFUSAL, "");
    congressAccess.grantRead(execution.getProcessInstanceId(), setting);
  }
}
