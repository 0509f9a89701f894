package org.congressflow.benchmark;

import java.time.Duration;

/** Waits for a count in the database to reach a target; gives up when it has not moved for a while. */
final class Poll {

  static final Duration STALLED = Duration.ofMinutes(10);

  interface Count {
    long get() throws Exception;
  }

  private Poll() {}

  static void until(String what, Count count, long target) throws Exception {
    long last = -1;
    long movedAt = System.nanoTime();
    while (true) {
      long now = count.get();
      if (now >= target) {
        return;
      }
      if (now != last) {
        last = now;
        movedAt = System.nanoTime();
      } else if (System.nanoTime() - movedAt > STALLED.toNanos()) {
        throw new IllegalStateException(what + ": stuck at " + now + " of " + target + " for " + STALLED);
      }
      Thread.sleep(100);
    }
  }
}
