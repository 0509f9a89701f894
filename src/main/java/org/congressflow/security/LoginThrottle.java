package org.congressflow.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Slows down failed logins per client and per (client, account), for a while only, instead of the engine's lock
 * of the account itself: a stranger elsewhere can never lock the real user out. A success resets the pair.
 *
 * <p>The state is in memory (bounded, entries expire): a restart forgets it, and with several nodes each node
 * throttles on its own, which multiplies an attacker's attempts by the number of nodes at most.
 */
@Component
public class LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

  /** A client and account, or a client alone ({@code account == null}) for guesses across accounts. */
  record Key(String client, String account) {}

  /** One row of the administrator's list. */
  public record Lock(String account, String client, int failures, Instant lockedUntil) {}

  private static final class Failures {
    int count;
    Instant last;
    Instant lockedUntil;
  }

  private final LoginThrottleProperties properties;
  private final Clock clock;
  private final Map<Key, Failures> failures = new ConcurrentHashMap<>();

  LoginThrottle(LoginThrottleProperties properties, ObjectProvider<Clock> clock) {
    this.properties = properties;
    this.clock = clock.getIfUnique(Clock::systemUTC);
  }

  /** How long this client must wait before trying this account again; empty when it may try now. */
  public Optional<Duration> retryAfter(String client, String account) {
    Instant now = clock.instant();
    return Stream.of(new Key(client, normalised(account)), new Key(client, null))
        .map(failures::get).filter(Objects::nonNull)
        .map(entry -> entry.lockedUntil).filter(until -> until != null && until.isAfter(now))
        .max(Comparator.naturalOrder()).map(until -> Duration.between(now, until));
  }

  void failed(String client, String account) {
    Instant now = clock.instant();
    makeRoom(now);
    count(new Key(client, normalised(account)), properties.freeAttempts(), now);
    count(new Key(client, null), properties.freeAttemptsPerClient(), now);
  }

  void succeeded(String client, String account) {
    failures.remove(new Key(client, normalised(account)));
  }

  /** The clients and accounts with failures not yet forgotten, the longest locked first. */
  public List<Lock> locks() {
    Instant now = clock.instant();
    return failures.entrySet().stream().filter(entry -> !expired(entry.getValue(), now))
        .map(entry -> new Lock(entry.getKey().account(), entry.getKey().client(), entry.getValue().count,
            entry.getValue().lockedUntil))
        .sorted(Comparator.comparing(Lock::lockedUntil, Comparator.nullsLast(Comparator.reverseOrder())))
        .toList();
  }

  /**
   * Lifts the locks of an account from every client, or from one client (then also that client's lock across
   * accounts); returns how many were lifted.
   */
  public int lift(String account, String client) {
    String key = normalised(account);
    int before = failures.size();
    failures.keySet().removeIf(k -> key.equals(k.account()) && (client == null || client.equals(k.client()))
        || client != null && k.account() == null && client.equals(k.client()));
    return before - failures.size();
  }

  private void count(Key key, int free, Instant now) {
    failures.compute(key, (k, entry) -> {
      var next = entry == null || expired(entry, now) ? new Failures() : entry;
      next.count++;
      next.last = now;
      if (next.count >= free) {
        next.lockedUntil = now.plus(delay(next.count - free));
        if (k.account() != null) {
          log.info("Login of {} from {} throttled until {} after {} failures", k.account(), k.client(),
              next.lockedUntil, next.count);
        }
      }
      return next;
    });
  }

  private Duration delay(int beyondFree) {
    Duration max = properties.maxDelay();
    if (beyondFree >= 30) {
      return max;
    }
    Duration delay = properties.firstDelay().multipliedBy(1L << beyondFree);
    return delay.compareTo(max) > 0 ? max : delay;
  }

  private boolean expired(Failures entry, Instant now) {
    return (entry.lockedUntil == null || !entry.lockedUntil.isAfter(now))
        && entry.last.plus(properties.forgetAfter()).isBefore(now);
  }

  /** Keeps the map bounded: forgets expired entries, then the oldest failures. */
  private void makeRoom(Instant now) {
    if (failures.size() < properties.maxEntries()) {
      return;
    }
    failures.values().removeIf(entry -> expired(entry, now));
    if (failures.size() >= properties.maxEntries()) {
      failures.entrySet().stream().sorted(Comparator.comparing(entry -> entry.getValue().last))
          .limit(failures.size() - properties.maxEntries() * 9L / 10).map(Map.Entry::getKey).toList()
          .forEach(failures::remove);
    }
  }

  private static String normalised(String account) {
    return account == null ? "" : account.trim().toLowerCase(Locale.ROOT);
  }
}
