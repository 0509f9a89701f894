package org.congressflow.campaign;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Checks every campaign file of the folder before anything else starts: no database connection, no engine, no
 * deployment, no web server yet. A broken file stops start-up here with every problem of every file; the files it
 * checked are the ones {@link CampaignStartup} launches. Registered in META-INF/spring.factories.
 */
class CampaignFilesCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    var properties = Binder.get(context.getEnvironment())
        .bindOrCreate("congressflow.campaigns", CampaignProperties.class);
    if (properties.launchOnStartup()) {
      context.getBeanFactory().registerSingleton("checkedCampaignFolder", CampaignFolder.read(properties.location()));
    }
  }
}
