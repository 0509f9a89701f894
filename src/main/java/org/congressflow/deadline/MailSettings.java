package org.congressflow.deadline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the e-mail outbox is delivered (see {@link MailOutbox}): right after the step's commit, on a background
 * thread or on the committing one (and by {@link MailOutboxPoller}); {@code attempts} in all, the first retry after
 * {@code firstRetryDelay}, doubling up to {@code maxRetryDelay}; a row claimed longer than {@code lease} ago is
 * taken over, its sender having died.
 */
@ConfigurationProperties("congressflow.mail")
record MailSettings(String from, AfterCommit afterCommit, Integer attempts, Duration firstRetryDelay,
    Duration maxRetryDelay, Duration lease) {

  /** Where a step's e-mail is delivered once its transaction has committed. */
  enum AfterCommit {
    /** A thread of the outbox: the job's thread and its database connection are free at once. */
    BACKGROUND,
    /** The committing thread itself, before it returns (the tests see the e-mail when the job has run). */
    SAME_THREAD
  }

  MailSettings {
    afterCommit = afterCommit == null ? AfterCommit.BACKGROUND : afterCommit;
    attempts = attempts == null ? 6 : attempts;
    firstRetryDelay = firstRetryDelay == null ? Duration.ofMinutes(10) : firstRetryDelay;
    maxRetryDelay = maxRetryDelay == null ? Duration.ofHours(1) : maxRetryDelay;
    lease = lease == null ? Duration.ofMinutes(10) : lease;
  }

  /** The wait after the given failed attempt (1 = the first): {@code firstRetryDelay} doubling, capped. */
  Duration retryDelay(int failedAttempts) {
    Duration delay = firstRetryDelay;
    for (int attempt = 1; attempt < failedAttempts && delay.compareTo(maxRetryDelay) < 0; attempt++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
  }
}
