package org.congressflow.campaign;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where campaign files are read from at start-up, and whether their dates are re-anchored so that a demo
 * campaign starts today (the seed's 2020 dates are in the past).
 */
@ConfigurationProperties("congressflow.campaigns")
public record CampaignProperties(Path location, boolean launchOnStartup, boolean anchorToToday) {

  public CampaignProperties {
    location = location == null ? Path.of("config/campaigns") : location;
  }
}
