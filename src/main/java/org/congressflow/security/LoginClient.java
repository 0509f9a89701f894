package org.congressflow.security;

import java.time.Duration;
import java.util.Optional;

/**
 * The client of the request being served on this thread (set by {@link LoginThrottleFilter}), so that the
 * identity service, which knows nothing of HTTP, throttles per client; "internal" outside a request.
 */
final class LoginClient {

  static final String INTERNAL = "internal";

  private static final ThreadLocal<LoginClient> CURRENT = new ThreadLocal<>();

  private final String address;
  private Duration refusedFor;

  private LoginClient(String address) {
    this.address = address;
  }

  static void enter(String address) {
    CURRENT.set(new LoginClient(address));
  }

  static void leave() {
    CURRENT.remove();
  }

  static String address() {
    var current = CURRENT.get();
    return current == null ? INTERNAL : current.address;
  }

  /** Remembers that a login of this request was refused unchecked, so the filter can answer 429. */
  static void refused(Duration retryAfter) {
    var current = CURRENT.get();
    if (current != null) {
      current.refusedFor = retryAfter;
    }
  }

  static Optional<Duration> refusedFor() {
    var current = CURRENT.get();
    return current == null ? Optional.empty() : Optional.ofNullable(current.refusedFor);
  }
}
