package org.congressflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Before any other filter: tells the identity service which client is logging in ({@link LoginClient}), and answers
 * 429 with Retry-After to a throttled login, both to HTTP Basic (/api, /engine-rest) before the password is looked at
 * and to the webapps' login form.
 */
@Configuration
class LoginThrottleFilter {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> loginThrottleFilterRegistration(LoginThrottle throttle,
      ClientAddress clientAddress, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    var webappLogin = Pattern.compile(Pattern.quote(webappPath) + "/api/admin/auth/user/[^/]+/login/[^/]+/?");
    var registration = new FilterRegistrationBean<OncePerRequestFilter>(
        new Filter(throttle, clientAddress, webappLogin));
    registration.setName("login-throttle");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final ClientAddress clientAddress;
    private final Pattern webappLogin;

    Filter(LoginThrottle throttle, ClientAddress clientAddress, Pattern webappLogin) {
      this.throttle = throttle;
      this.clientAddress = clientAddress;
      this.webappLogin = webappLogin;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String client = clientAddress.of(request);
      LoginClient.enter(client);
      try {
        String basicAccount = basicAccount(request);
        var wait = basicAccount == null ? Optional.<Duration>empty()
            : throttle.retryAfter(client, basicAccount);
        if (wait.isPresent()) {
          tooManyAttempts(response, wait.get());
        } else if ("POST".equals(request.getMethod()) && webappLogin.matcher(path(request)).matches()) {
          // the login resource answers 401 itself: hold its answer back, to turn a throttled refusal into 429
          var held = new HeldResponse(response);
          chain.doFilter(request, held);
          var refused = LoginClient.refusedFor();
          if (refused.isPresent()) {
            response.reset();
            tooManyAttempts(response, refused.get());
          } else {
            held.release();
          }
        } else {
          chain.doFilter(request, response);
        }
      } finally {
        LoginClient.leave();
      }
    }

    /** Buffers the body and an error status (sendError would commit the response at once). */
    private static final class HeldResponse extends ContentCachingResponseWrapper {
      private Integer error;
      private String errorMessage;

      HeldResponse(HttpServletResponse response) {
        super(response);
      }

      @Override
      public void sendError(int status) {
        sendError(status, null);
      }

      @Override
      public void sendError(int status, String message) {
        error = status;
        errorMessage = message;
      }

      void release() throws IOException {
        if (error == null) {
          copyBodyToResponse();
        } else if (errorMessage == null) {
          ((HttpServletResponse) getResponse()).sendError(error);
        } else {
          ((HttpServletResponse) getResponse()).sendError(error, errorMessage);
        }
      }
    }

    private static void tooManyAttempts(HttpServletResponse response, Duration wait) throws IOException {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      response.setStatus(429);
      response.setHeader("Retry-After", Long.toString(seconds));
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write("{\"error\":\"Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau " + seconds
          + " giây.\"}");
    }

    private static String path(HttpServletRequest request) {
      return (request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()))
          .replaceAll("/{2,}", "/");
    }

    private static String basicAccount(HttpServletRequest request) {
      String header = request.getHeader("Authorization");
      if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
        return null;
      }
      try {
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 1 ? null : decoded.substring(0, colon);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }
}
