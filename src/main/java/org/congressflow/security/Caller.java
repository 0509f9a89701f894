package org.congressflow.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The user calling our own API ({@code /api/**}), as Spring Security authenticated it (see {@link ApiSecurity}):
 * the Authentication's name is the Camunda user id, its authorities are the user's Camunda group ids.
 */
public record Caller(String userId, List<String> groupIds) {

  public Caller {
    groupIds = List.copyOf(groupIds);
  }

  /** The caller of a request that passed the API's authentication. */
  public static Caller of(HttpServletRequest request) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      throw new IllegalStateException("no authenticated caller: is " + request.getRequestURI() + " under /api/?");
    }
    return new Caller(authentication.getName(),
        authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
  }

  /** The Spring Security form of this caller. */
  Authentication asAuthentication() {
    Collection<GrantedAuthority> authorities = groupIds.stream()
        .<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
  }
}
