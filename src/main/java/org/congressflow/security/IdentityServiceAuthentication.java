package org.congressflow.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic on {@code /api} checks the password against the engine's users, as the engine REST API does.
 * Being the only AuthenticationProvider bean, it also keeps Spring Boot from creating its default user.
 */
@Component
class IdentityServiceAuthentication implements AuthenticationProvider {

  private final IdentityService identityService;

  IdentityServiceAuthentication(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object password = authentication.getCredentials();
    if (userId == null || userId.isBlank() || password == null
        || !identityService.checkPassword(userId, password.toString())) {
      throw new BadCredentialsException("wrong user id or password");
    }
    var groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    return new Caller(userId, groups).asAuthentication();
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
