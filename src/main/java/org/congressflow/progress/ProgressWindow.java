package org.congressflow.progress;

import java.time.LocalDate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.congressflow.campaign.DueDates;

/** Today (engine clock, Vietnamese time) and the last day that still counts as "due soon". */
record ProgressWindow(LocalDate today, LocalDate dueSoonUntil) {

  static ProgressWindow now(int dueSoonDays) {
    LocalDate today = DueDates.today(ClockUtil.getCurrentTime());
    return new ProgressWindow(today, today.plusDays(dueSoonDays));
  }
}
