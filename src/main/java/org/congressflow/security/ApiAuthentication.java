package org.congressflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Our own API ({@code /api/*}) answers only to the users of the engine: either the session of a Camunda
 * webapp login (Tasklist, Cockpit or the dashboard's login form, which uses the webapp's login) or HTTP
 * Basic checked against the IdentityService. Anything else gets 401.
 */
@Configuration
class ApiAuthentication {

  static final String ENGINE = "default";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> apiAuthenticationFilter(IdentityService identityService) {
    var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Filter(identityService));
    registration.setName("api-authentication");
    registration.addUrlPatterns("/api/*");
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {

    private final IdentityService identityService;

    Filter(IdentityService identityService) {
      this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Optional<Caller> caller = fromWebappSession(request).or(() -> fromBasic(request));
      if (caller.isEmpty()) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        // a browser page asks for JSON itself and shows its own login form, so no Basic prompt for it
        if (request.getHeader("X-Requested-With") == null) {
          response.setHeader("WWW-Authenticate", "Basic realm=\"CongressFlow\", charset=\"UTF-8\"");
        }
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"error\":\"Chưa đăng nhập hoặc sai mật khẩu\"}");
        return;
      }
      request.setAttribute(Caller.ATTRIBUTE, caller.get());
      chain.doFilter(request, response);
    }

    private static Optional<Caller> fromWebappSession(HttpServletRequest request) {
      var session = request.getSession(false);
      if (session == null) {
        return Optional.empty();
      }
      var authentications = AuthenticationUtil.getAuthsFromSession(session);
      if (authentications != null
          && authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user) {
        return Optional.of(new Caller(user.getIdentityId(), user.getGroupIds() == null ? java.util.List.of() : user.getGroupIds()));
      }
      return Optional.empty();
    }

    private Optional<Caller> fromBasic(HttpServletRequest request) {
      String header = request.getHeader("Authorization");
      if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
        return Optional.empty();
      }
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      int colon = decoded.indexOf(':');
      if (colon < 1) {
        return Optional.empty();
      }
      String userId = decoded.substring(0, colon);
      if (!identityService.checkPassword(userId, decoded.substring(colon + 1))) {
        return Optional.empty();
      }
      var groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
      return Optional.of(new Caller(userId, groups));
    }
  }
}
