package org.congressflow.campaign;

import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactions of a launch's set-up ({@link CampaignSetup}): each is bounded, a batch of at most {@link #BATCH}
 * items, and holds the campaign's row lock, so that two nodes resuming one launch take turns and the second finds
 * the first one's work done. A crash loses at most the batch under way; the next start does the rest.
 */
@Component
public class LaunchTransactions {

  /** Items (groups, users) per transaction: a few hundred rows, a fraction of a second. */
  public static final int BATCH = 500;
  private static final Logger log = LoggerFactory.getLogger(LaunchTransactions.class);

  private final TransactionTemplate transaction;
  private final CampaignRegistry registry;

  LaunchTransactions(PlatformTransactionManager transactionManager, CampaignRegistry registry) {
    this.transaction = new TransactionTemplate(transactionManager);
    this.registry = registry;
  }

  /** Runs the work in a transaction of its own that holds the campaign's row lock. */
  public void run(String campaignId, Runnable work) {
    transaction.executeWithoutResult(status -> {
      registry.lockForLaunch(campaignId);
      work.run();
    });
  }

  /** Hands the items to the work in batches, each in a transaction of its own; logs the count of each kind. */
  public <T> void inBatches(String campaignId, String what, List<T> items, Consumer<List<T>> work) {
    long began = System.nanoTime();
    for (int from = 0; from < items.size(); from += BATCH) {
      var batch = items.subList(from, Math.min(items.size(), from + BATCH));
      run(campaignId, () -> work.accept(batch));
    }
    log.info("Campaign {} set-up: {} {} in {} transaction(s), {} ms", campaignId, items.size(), what,
        (items.size() + BATCH - 1) / BATCH, (System.nanoTime() - began) / 1_000_000);
  }
}
