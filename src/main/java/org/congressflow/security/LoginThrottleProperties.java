package org.congressflow.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed logins are slowed down ({@link LoginThrottle}): free attempts per client and account and per client
 * alone, then a delay from {@code firstDelay} doubling up to {@code maxDelay}; failures are forgotten after
 * {@code forgetAfter} without one.
 */
@ConfigurationProperties("congressflow.security.login-throttle")
record LoginThrottleProperties(Integer freeAttempts, Integer freeAttemptsPerClient, Duration firstDelay,
    Duration maxDelay, Duration forgetAfter) {

  LoginThrottleProperties {
    freeAttempts = freeAttempts == null ? 5 : freeAttempts;
    freeAttemptsPerClient = freeAttemptsPerClient == null ? 20 : freeAttemptsPerClient;
    firstDelay = firstDelay == null ? Duration.ofSeconds(1) : firstDelay;
    maxDelay = maxDelay == null ? Duration.ofMinutes(5) : maxDelay;
    forgetAfter = forgetAfter == null ? Duration.ofHours(1) : forgetAfter;
  }
}
