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
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine REST API ({@code /engine-rest}, and {@code /camunda/api/engine} for the webapps) reads its bodies
 * itself, past Spring's multipart limits and Tomcat's form limits, and would hold any size in memory: a task's
 * documents come as multipart or as base64 inside the JSON of Tasklist's submit-form (a third larger than the
 * file). Bodies are bounded here by their declared length; a multipart body of unknown length is refused. The
 * documents' own limit and type are checked again on completion (FormRulesListener).
 */
@Configuration
class EngineRestUploadLimit {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> engineRestUploadLimitFilter(
      @Value("${congressflow.security.max-request-size:16MB}") DataSize maxRequestSize) {
    var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Filter(maxRequestSize));
    registration.setName("engine-rest-upload-limit");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {

    private final DataSize max;

    Filter(DataSize max) {
      this.max = max;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      long length = request.getContentLengthLong();
      String type = request.getContentType();
      if (length > max.toBytes()) {
        refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
            "Dữ liệu gửi lên quá lớn: tối đa " + max.toMegabytes() + " MB");
        return;
      }
      if (length < 0 && type != null && type.toLowerCase().startsWith("multipart/")) {
        refuse(response, HttpServletResponse.SC_LENGTH_REQUIRED, "Tệp gửi lên phải kèm độ dài (Content-Length)");
        return;
      }
      chain.doFilter(request, response);
    }

    /** In the engine REST API's own error form, which Tasklist shows to the user. */
    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
      response.setStatus(status);
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write("{\"type\":\"UploadRefused\",\"message\":\"" + message + "\"}");
    }
  }
}
