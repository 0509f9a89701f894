package org.congressflow.security;

import org.camunda.bpm.engine.impl.IdentityServiceImpl;

/**
 * Every password check (webapp login, HTTP Basic on /engine-rest and /api) goes through {@link LoginThrottle}:
 * while a client is throttled for an account, the password is not even checked.
 */
class ThrottledIdentityService extends IdentityServiceImpl {

  private final LoginThrottle throttle;

  ThrottledIdentityService(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    String client = LoginClient.address();
    var wait = throttle.retryAfter(client, userId);
    if (wait.isPresent()) {
      LoginClient.refused(wait.get());
      return false;
    }
    boolean valid = super.checkPassword(userId, password);
    if (valid) {
      throttle.succeeded(client, userId);
    } else {
      throttle.failed(client, userId);
    }
    return valid;
  }
}
