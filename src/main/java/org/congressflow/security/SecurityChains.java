package org.congressflow.security;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.congressflow.organisation.Groups;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may call what. {@code /api/**}: an authenticated caller, from a webapp login's session (then a write needs
 * the session's CSRF token) or from HTTP Basic against the engine's users; else a JSON 401. {@code /actuator/**}:
 * the load balancer's probes (liveness, readiness) to anyone, with their status only; the rest of health and the
 * metrics to members of camunda-admin, authenticated as on {@code /api} (else 401; another user 403). Everything else
 * ({@code /camunda/**}, {@code /engine-rest/**}, {@code /forms/**}, {@code /dashboard/**}) is let through here and
 * keeps its own authentication: the Camunda webapps' and the engine REST API's ProcessEngineAuthenticationFilter.
 * Every chain writes the same security headers. No login form, no logout page, no session of Spring's own.
 */
@Configuration
class SecurityChains {

  static final String NOT_LOGGED_IN = "{\"error\":\"Chưa đăng nhập hoặc sai mật khẩu\"}";
  static final String FORGED = "{\"error\":\"Yêu cầu bị từ chối: thiếu hoặc sai mã bảo vệ phiên đăng nhập "
      + "(X-XSRF-TOKEN). Tải lại trang rồi thử lại.\"}";
  static final String ADMINS_ONLY = "{\"error\":\"Chỉ quản trị viên hệ thống (nhóm " + Groups.ADMINS
      + ") được xem tình trạng và số liệu vận hành\"}";

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, SecurityHeaders headers) throws Exception {
    return sessionOrBasic(http.securityMatcher("/api/**"), headers, FORGED)
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .csrf(csrf -> csrf.csrfTokenRepository(new CamundaCsrfTokenRepository())
            // Camunda's token is sent as it is, not XOR-masked as Spring's default handler expects
            .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
            .requireCsrfProtectionMatcher(new SessionCookieWrites()))
        .build();
  }

  /**
   * The actuator's endpoints, on the server port or on a management port of its own ({@code management.server.port}),
   * where the servlet filters of the server port do not run: so the login throttle is in this chain too (on the
   * server port it has run already and lets the request through).
   */
  @Bean
  @Order(2)
  SecurityFilterChain actuator(HttpSecurity http, SecurityHeaders headers,
      @Qualifier("loginThrottleFilterRegistration") FilterRegistrationBean<? extends Filter> loginThrottle,
      @Value("${management.endpoints.web.base-path:/actuator}") String basePath) throws Exception {
    var probes = new OrRequestMatcher(SecurityHeaders.path(basePath + "/health/liveness"),
        SecurityHeaders.path(basePath + "/health/readiness"));
    return sessionOrBasic(http.securityMatcher(EndpointRequest.toAnyEndpoint()), headers, ADMINS_ONLY)
        .addFilterBefore(loginThrottle.getFilter(), CamundaSessionAuthentication.class)
        .authorizeHttpRequests(requests -> requests.requestMatchers(probes).permitAll()
            .anyRequest().hasAuthority(Groups.ADMINS))
        // every operation exposed (health, metrics, prometheus) only reads
        .csrf(AbstractHttpConfigurer::disable)
        .build();
  }

  /**
   * A caller from a webapp login's session or from HTTP Basic against the engine's users, else a JSON 401; a caller
   * refused answered 403 with {@code forbidden}. No session, login form or logout of Spring's own.
   */
  private static HttpSecurity sessionOrBasic(HttpSecurity http, SecurityHeaders headers, String forbidden)
      throws Exception {
    return http
        .addFilterBefore(new CamundaSessionAuthentication(), BasicAuthenticationFilter.class)
        .httpBasic(basic -> basic.authenticationEntryPoint(SecurityChains::notLoggedIn))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(SecurityChains::notLoggedIn)
            .accessDeniedHandler((request, response, denied) -> json(response, HttpStatus.FORBIDDEN, forbidden)))
        // the session is the webapps': Spring must not change its id when it sees the login (session fixation
        // protection), or the dashboard's parallel calls with the old id would find no login
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
        .requestCache(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .headers(headers.all());
  }

  @Bean
  @Order(3)
  SecurityFilterChain everythingElse(HttpSecurity http, SecurityHeaders headers) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        // the webapps check their own CSRF token (Camunda's CsrfPreventionFilter); the engine REST API is Basic only
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .requestCache(AbstractHttpConfigurer::disable)
        .anonymous(AbstractHttpConfigurer::disable)
        .servletApi(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .headers(headers.all())
        .build();
  }

  /** A browser page asks for JSON itself and shows its own login form, so no Basic prompt for it. */
  private static void notLoggedIn(HttpServletRequest request, HttpServletResponse response,
      org.springframework.security.core.AuthenticationException e) throws IOException {
    if (request.getHeader("X-Requested-With") == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"CongressFlow\", charset=\"UTF-8\"");
    }
    json(response, HttpStatus.UNAUTHORIZED, NOT_LOGGED_IN);
  }

  private static void json(HttpServletResponse response, HttpStatus status, String body) throws IOException {
    response.setStatus(status.value());
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write(body);
  }
}
