package org.congressflow.works;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Defaults of the welcoming-works campaign: days to register the list after the plan is issued, how long before
 * the welcomed congress the organisation is warned, and how long the superior's organisation board has to review a
 * work not completed in time. The provincial congress's date is in the campaign file.
 */
@ConfigurationProperties("congressflow.works")
public record WorksProperties(Integer registrationDays, Integer warningDays, Integer reviewDays) {

  public WorksProperties {
    registrationDays = registrationDays == null ? 30 : registrationDays;
    warningDays = warningDays == null ? 14 : warningDays;
    reviewDays = reviewDays == null ? 7 : reviewDays;
  }
}
