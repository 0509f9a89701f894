package org.congressflow.security;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.congressflow.campaign.CampaignRegistry;
import org.springframework.stereotype.Component;

/**
 * Puts every process instance of a campaign in the campaign's tenant, though the models are deployed once for all
 * (without a tenant): the campaign's own instance by its {@code campaignId}, every instance it calls (and they call)
 * in the tenant of its caller. Tasks, jobs, variables, incidents and history follow their instance's tenant.
 */
@Component
class CampaignTenants extends AbstractProcessEnginePlugin implements TenantIdProvider {

  private final CampaignRegistry campaigns;

  CampaignTenants(CampaignRegistry campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(this);
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
    if (context.getSuperExecution() != null) {
      return context.getSuperExecution().getTenantId();
    }
    if (context.getSuperCaseExecution() != null) {
      return context.getSuperCaseExecution().getTenantId();
    }
    return context.getVariables().get("campaignId") instanceof String campaignId && campaigns.exists(campaignId)
        ? campaigns.tenant(campaignId) : null;
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
    return context.getSuperExecution() != null ? context.getSuperExecution().getTenantId() : null;
  }

  /** A rule evaluated by a step of a campaign (DecisionTables, from a delegate) is kept in that campaign's tenant. */
  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
    DelegateExecution execution = context.getExecution();
    if (execution == null && Context.getBpmnExecutionContext() != null) {
      execution = Context.getBpmnExecutionContext().getExecution();
    }
    return execution == null ? null : execution.getTenantId();
  }
}
