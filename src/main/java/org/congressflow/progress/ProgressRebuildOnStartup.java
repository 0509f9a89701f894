package org.congressflow.progress;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --congressflow.progress.rebuild=true}: rebuilds the progress read model from the engine's history
 * at start-up, before campaigns are loaded; the application then runs as usual.
 */
@Component
@Order(5)
@ConditionalOnProperty(name = "congressflow.progress.rebuild", havingValue = "true")
class ProgressRebuildOnStartup implements ApplicationRunner {

  private final ProgressRebuild rebuild;

  ProgressRebuildOnStartup(ProgressRebuild rebuild) {
    this.rebuild = rebuild;
  }

  @Override
  public void run(ApplicationArguments args) {
    rebuild.rebuild();
  }
}
