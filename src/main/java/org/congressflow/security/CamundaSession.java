package org.congressflow.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/** Who logged in through a Camunda webapp (Tasklist, Cockpit, the dashboard's form): its session says so. */
final class CamundaSession {

  static final String ENGINE = "default";

  private CamundaSession() {}

  /** The user of engine "default" in the request's existing session; never creates a session. */
  static Optional<Caller> user(HttpServletRequest request) {
    var session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    var authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications != null
        && authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user) {
      return Optional.of(new Caller(user.getIdentityId(), user.getGroupIds() == null ? List.of() : user.getGroupIds()));
    }
    return Optional.empty();
  }
}
