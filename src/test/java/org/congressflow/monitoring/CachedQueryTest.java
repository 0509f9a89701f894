package org.congressflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A count is read once per period however often it is looked at, by the engine's clock. */
class CachedQueryTest {

  private final AtomicInteger queries = new AtomicInteger();
  private final CachedQuery<Integer> count = new CachedQuery<>(Duration.ofSeconds(10), queries::incrementAndGet);

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aCountIsReadAgainOnlyWhenItIsOlderThanItsPeriodOrTheClockWentBack() {
    ClockUtil.setCurrentTime(new Date(1_000_000));
    assertThat(count.get()).isEqualTo(1);
    ClockUtil.setCurrentTime(new Date(1_009_999));
    assertThat(count.get()).as("9.999 s later").isEqualTo(1);
    ClockUtil.setCurrentTime(new Date(1_010_000));
    assertThat(count.get()).as("10 s later").isEqualTo(2);
    ClockUtil.setCurrentTime(new Date(1_000_000));
    assertThat(count.get()).as("the clock moved back").isEqualTo(3);
  }
}
