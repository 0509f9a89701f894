package org.congressflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * The CSRF token of {@code /api} is the Camunda webapps' own: their CsrfPreventionFilter keeps one token per
 * session (attribute {@link CsrfConstants#CSRF_TOKEN_SESSION_ATTR_NAME}), sends it as cookie {@code XSRF-TOKEN} and
 * header {@code X-XSRF-TOKEN}, and the dashboard already fetches it to log in. Reusing it means one session, one
 * token, one owner: a second Spring token would need its own cookie and could disagree with Camunda's after a
 * login. This repository only reads; it never stores, so a session without Camunda's token accepts no write.
 */
final class CamundaCsrfTokenRepository implements CsrfTokenRepository {

  static final String HEADER = CsrfConstants.CSRF_TOKEN_HEADER_NAME;
  private static final String PARAMETER = "_csrf";

  @Override
  public CsrfToken loadToken(HttpServletRequest request) {
    var session = request.getSession(false);
    if (session == null) {
      return null;
    }
    return session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME) instanceof String token && !token.isBlank()
        ? new DefaultCsrfToken(HEADER, PARAMETER, token)
        : null;
  }

  /** A token nobody knows: without Camunda's token in the session no header can match. */
  @Override
  public CsrfToken generateToken(HttpServletRequest request) {
    return new DefaultCsrfToken(HEADER, PARAMETER, UUID.randomUUID().toString());
  }

  @Override
  public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
    // Camunda's CsrfPreventionFilter owns the token; nothing to save or clear here
  }
}
