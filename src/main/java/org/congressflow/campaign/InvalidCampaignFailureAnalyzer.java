package org.congressflow.campaign;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A refused campaign file ends start-up with its problems and what to do, not with a stack trace. */
class InvalidCampaignFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCampaignException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidCampaignException cause) {
    return new FailureAnalysis(cause.getMessage(), "Correct the campaign file and start again. To check a file"
        + " without starting the application: java -jar congressflow-<version>.jar --validate-campaign=FILE", cause);
  }
}
