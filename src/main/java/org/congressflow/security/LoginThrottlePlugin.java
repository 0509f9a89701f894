package org.congressflow.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.springframework.stereotype.Component;

/**
 * Replaces the engine's lock of an account after failed logins by {@link LoginThrottle}: every password check goes
 * through {@link ThrottledIdentityService}, and {@link NoAccountLockIdentityProvider} never locks the account.
 */
@Component
class LoginThrottlePlugin extends AbstractProcessEnginePlugin {

  private final LoginThrottle throttle;

  LoginThrottlePlugin(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityService(new ThrottledIdentityService(throttle));
    configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(NoAccountLockIdentityProvider.class));
  }
}
