package org.congressflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a webapp login count for {@code /api}: the user of the Camunda session becomes the request's Spring
 * Authentication, so both agree on who the caller is. A request with HTTP Basic credentials is left to Basic.
 * Not a bean: it runs only inside the API's SecurityFilterChain.
 */
final class CamundaSessionAuthentication extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (SecurityContextHolder.getContext().getAuthentication() == null
        && !SessionCookieWrites.hasBasicCredentials(request)) {
      CamundaSession.user(request).ifPresent(caller -> {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(caller.asAuthentication());
        SecurityContextHolder.setContext(context);
      });
    }
    chain.doFilter(request, response);
  }
}
