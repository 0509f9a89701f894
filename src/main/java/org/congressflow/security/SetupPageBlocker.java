package org.congressflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outside the demo profile Camunda's administrator set-up API answers 403, always: the administrator comes from the
 * configuration ({@link AdministratorSetup}), and this stays shut even if that group were ever emptied.
 */
@Configuration
@Profile("!demo")
class SetupPageBlocker {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> setupPageBlockerFilter(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Filter(webappPath + "/api/admin/setup"));
    registration.setName("setup-page-blocker");
    registration.addUrlPatterns(webappPath + "/api/admin/*");
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {

    private final String setupPath;

    Filter(String setupPath) {
      this.setupPath = setupPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      // the path as the container mapped it, with doubled slashes folded so that "//setup" is no way round
      String path = (request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()))
          .replaceAll("/{2,}", "/");
      if (path.equals(setupPath) || path.startsWith(setupPath + "/")) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"error\":\"Trang thiết lập quản trị viên đã bị khóa: quản trị viên được tạo "
            + "từ cấu hình khi khởi động\"}");
        return;
      }
      chain.doFilter(request, response);
    }
  }
}
