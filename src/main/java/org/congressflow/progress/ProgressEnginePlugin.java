package org.congressflow.progress;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Registers the progress read model's history handler beside the engine's own (which stays on). */
@Component
class ProgressEnginePlugin extends AbstractProcessEnginePlugin {

  private final ProgressProjection projection;

  ProgressEnginePlugin(ProgressProjection projection) {
    this.projection = projection;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler>()
        : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(new ProgressHistoryHandler(projection));
    configuration.setCustomHistoryEventHandlers(handlers);
  }
}
