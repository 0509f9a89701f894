package org.congressflow.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down failed logins per client and per (client, account), for a while only, instead of the engine's lock
 * of the account itself: a stranger elsewhere can never lock the real user out. A success resets the pair.
 *
 * <p>The failures are rows of {@code cf_login_failure}, so every node of a cluster throttles the same client, and a
 * restart forgets nothing; rows expire after {@code forgetAfter} without a failure.
 */
@Component
public class LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
  /** The account of a client's row across accounts. */
  private static final String ANY_ACCOUNT = "";
  private static final int MAX_CLIENT = 64;
  private static final int MAX_ACCOUNT = 255;
  private static final int MAX_LISTED = 1000;
  private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

  /** One row of the administrator's list; {@code account} null: the client across accounts. */
  public record Lock(String account, String client, int failures, Instant lockedUntil) {}

  private final LoginThrottleProperties properties;
  private final Clock clock;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);

  LoginThrottle(LoginThrottleProperties properties, ObjectProvider<Clock> clock, JdbcTemplate jdbc,
      PlatformTransactionManager transactions) {
    this.properties = properties;
    this.clock = clock.getIfUnique(Clock::systemUTC);
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** How long this client must wait before trying this account again; empty when it may try now. */
  public Optional<Duration> retryAfter(String client, String account) {
    Instant now = clock.instant();
    List<Timestamp> until = jdbc.queryForList("""
        select locked_until from cf_login_failure
        where client = ? and account in (?, ?) and locked_until > ? order by locked_until desc""",
        Timestamp.class, client(client), account(account), ANY_ACCOUNT, Timestamp.from(now));
    return until.stream().findFirst().map(latest -> Duration.between(now, latest.toInstant()));
  }

  void failed(String client, String account) {
    Instant now = clock.instant();
    purgeNowAndThen(now);
    count(client(client), account(account), properties.freeAttempts(), now);
    count(client(client), ANY_ACCOUNT, properties.freeAttemptsPerClient(), now);
  }

  void succeeded(String client, String account) {
    jdbc.update("delete from cf_login_failure where client = ? and account = ?", client(client), account(account));
  }

  /** The clients and accounts with failures not yet forgotten, the longest locked first. */
  public List<Lock> locks() {
    Instant now = clock.instant();
    return jdbc.query("""
        select client, account, failures, locked_until from cf_login_failure
        where last_failure_at >= ? or locked_until > ?
        order by case when locked_until is null then 1 else 0 end, locked_until desc, last_failure_at desc
        fetch first %d rows only""".formatted(MAX_LISTED),
        (row, i) -> new Lock(row.getString("account").isEmpty() ? null : row.getString("account"),
            row.getString("client"), row.getInt("failures"),
            Optional.ofNullable(row.getTimestamp("locked_until")).map(Timestamp::toInstant).orElse(null)),
        Timestamp.from(now.minus(properties.forgetAfter())), Timestamp.from(now));
  }

  /**
   * Lifts the locks of an account from every client, or from one client (then also that client's lock across
   * accounts); returns how many were lifted.
   */
  public int lift(String account, String client) {
    if (client == null) {
      return jdbc.update("delete from cf_login_failure where account = ?", account(account));
    }
    return jdbc.update("delete from cf_login_failure where client = ? and account in (?, ?)",
        client(client), account(account), ANY_ACCOUNT);
  }

  /** Adds a failure to a row under its lock, so that nodes counting at once count every failure. */
  private void count(String client, String account, int free, Instant now) {
    createRowIfMissing(client, account, now);
    ownTransaction.executeWithoutResult(status -> {
      var rows = jdbc.query("""
          select failures, last_failure_at, locked_until from cf_login_failure
          where client = ? and account = ? for update""",
          (row, i) -> new Failures(row.getInt(1), row.getTimestamp(2).toInstant(),
              Optional.ofNullable(row.getTimestamp(3)).map(Timestamp::toInstant).orElse(null)),
          client, account);
      if (rows.isEmpty()) {
        return; // lifted by an administrator a moment ago
      }
      int failures = rows.get(0).expired(now, properties.forgetAfter()) ? 1 : rows.get(0).count() + 1;
      Timestamp lockedUntil = failures >= free ? Timestamp.from(now.plus(delay(failures - free))) : null;
      jdbc.update("update cf_login_failure set failures = ?, last_failure_at = ?, locked_until = ?"
          + " where client = ? and account = ?", failures, Timestamp.from(now), lockedUntil, client, account);
      if (lockedUntil != null && !account.isEmpty()) {
        log.info("Login of {} from {} throttled until {} after {} failures", account, client, lockedUntil,
            failures);
      }
    });
  }

  /** In a transaction of its own: a node that loses the race to insert finds the other node's row. */
  private void createRowIfMissing(String client, String account, Instant now) {
    if (jdbc.queryForObject("select count(*) from cf_login_failure where client = ? and account = ?",
        Integer.class, client, account) > 0) {
      return;
    }
    try {
      ownTransaction.executeWithoutResult(status -> jdbc.update("insert into cf_login_failure"
          + " (client, account, failures, last_failure_at) values (?, ?, 0, ?)", client, account, Timestamp.from(now)));
    } catch (DuplicateKeyException insertedByAnotherNode) {
      // counted below, under the row's lock
    }
  }

  private record Failures(int count, Instant last, Instant lockedUntil) {
    boolean expired(Instant now, Duration forgetAfter) {
      return (lockedUntil == null || !lockedUntil.isAfter(now)) && last.plus(forgetAfter).isBefore(now);
    }
  }

  private Duration delay(int beyondFree) {
    Duration max = properties.maxDelay();
    if (beyondFree >= 30) {
      return max;
    }
    Duration delay = properties.firstDelay().multipliedBy(1L << beyondFree);
    return delay.compareTo(max) > 0 ? max : delay;
  }

  /** Forgets expired rows, at most once a minute per node, so that the table holds only the last hour or so. */
  private void purgeNowAndThen(Instant now) {
    Instant last = lastPurge.get();
    if (last.plus(PURGE_EVERY).isAfter(now) || !lastPurge.compareAndSet(last, now)) {
      return;
    }
    jdbc.update("delete from cf_login_failure where last_failure_at < ? and (locked_until is null or locked_until <= ?)",
        Timestamp.from(now.minus(properties.forgetAfter())), Timestamp.from(now));
  }

  private static String client(String client) {
    String known = client == null ? "unknown" : client;
    return known.length() > MAX_CLIENT ? known.substring(0, MAX_CLIENT) : known;
  }

  private static String account(String account) {
    String normalised = account == null ? "" : account.trim().toLowerCase(Locale.ROOT);
    return normalised.length() > MAX_ACCOUNT ? normalised.substring(0, MAX_ACCOUNT) : normalised;
  }
}
