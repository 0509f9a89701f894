package org.congressflow.campaign;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

/** A deadline date of the campaign file is met until the end of that day, Vietnamese time. */
public final class DueDates {

  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  private DueDates() {}

  public static Date endOf(LocalDate date) {
    return Date.from(date.atTime(23, 59, 59).atZone(ZONE).toInstant());
  }

  public static LocalDate today(Date now) {
    return now.toInstant().atZone(ZONE).toLocalDate();
  }
}
