package org.congressflow.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The requests of {@code /api} that need a CSRF token: those that change something and would be authenticated by
 * the session cookie of a webapp login, which a browser sends along even with a request forged by another site.
 * A request with HTTP Basic credentials authenticates with those instead (a script, curl) and needs none.
 */
final class SessionCookieWrites implements RequestMatcher {

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Override
  public boolean matches(HttpServletRequest request) {
    return !SAFE.contains(request.getMethod()) && !hasBasicCredentials(request)
        && CamundaSession.user(request).isPresent();
  }

  static boolean hasBasicCredentials(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
  }
}
