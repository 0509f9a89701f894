package org.congressflow.review;

import java.time.MonthDay;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deadlines of the yearly quality review (guidance: civil servants are rated before 15 Dec, then party members;
 * results are published in Jan-Feb): self-review and opinions by {@code selfReviewBy} of the year, decisions by
 * {@code decisionsBy} and publication by {@code publishBy} of the following year.
 */
@ConfigurationProperties("congressflow.review")
public record ReviewProperties(Integer year, MonthDay selfReviewBy, MonthDay decisionsBy, MonthDay publishBy) {

  public ReviewProperties {
    year = year == null ? 2019 : year;
    selfReviewBy = selfReviewBy == null ? MonthDay.of(12, 15) : selfReviewBy;
    decisionsBy = decisionsBy == null ? MonthDay.of(1, 31) : decisionsBy;
    publishBy = publishBy == null ? MonthDay.of(2, 28) : publishBy;
  }
}
