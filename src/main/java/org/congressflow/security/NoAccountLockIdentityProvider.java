package org.congressflow.security;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's database identity provider without its login lock. That lock counts failures on the account
 * (ACT_ID_USER.ATTEMPTS_): a delay of login-delay-base-time * login-delay-factor^(attempts-1) seconds, and a lock
 * for good from login-max-attempts on, so anyone knowing a user id could lock the user out. Its generic
 * properties cannot switch it off entirely (a zero delay still stores the failure time, which a moved engine clock
 * turns into a lock), so the provider never locks; {@link LoginThrottle} slows down guessing instead. Public for the
 * engine, which creates it by reflection.
 */
public class NoAccountLockIdentityProvider extends DbIdentityServiceProvider {

  @Override
  protected void lockUser(UserEntity user) {
    // no lock on the account: see LoginThrottle
  }

  @Override
  protected boolean isUserLocked(UserEntity user) {
    return false; // also ignores locks written before this provider was installed
  }
}
