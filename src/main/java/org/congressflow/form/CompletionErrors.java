package org.congressflow.form;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A refused completion reads as what the person must fix: the engine REST API (ours and the webapps') puts
 * "Cannot submit task form &lt;task id&gt;: " before the Vietnamese message of a {@code FormFieldValidationException},
 * and Tasklist shows the whole text. For a completion answered 400, this takes the English prefix and the task id
 * away and leaves the message; any other answer passes unchanged.
 */
@Configuration
class CompletionErrors {

  private static final Pattern COMPLETION = Pattern.compile(".*/task/[^/]+/(complete|submit-form|resolve)/?");
  private static final Pattern PREFIX = Pattern.compile(
      "^Cannot (submit task form|complete task|resolve task) [^:\\s]+: ");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> completionErrorsFilter() {
    var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Filter());
    registration.setName("completion-errors");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    return registration;
  }

  static String withoutPrefix(String message) {
    return message == null ? null : PREFIX.matcher(message).replaceFirst("");
  }

  private static final class Filter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !"POST".equals(request.getMethod()) || !COMPLETION.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      var wrapper = new ContentCachingResponseWrapper(response);
      chain.doFilter(request, wrapper);
      if (wrapper.getStatus() == HttpServletResponse.SC_BAD_REQUEST && wrapper.getContentSize() > 0
          && String.valueOf(wrapper.getContentType()).startsWith("application/json")) {
        byte[] rewritten = rewritten(wrapper.getContentAsByteArray());
        if (rewritten != null) {
          wrapper.resetBuffer();
          wrapper.getOutputStream().write(rewritten);
        }
      }
      wrapper.copyBodyToResponse();
    }

    private static byte[] rewritten(byte[] body) {
      try {
        if (JSON.readTree(body) instanceof ObjectNode error && error.path("message").isTextual()) {
          error.put("message", withoutPrefix(error.get("message").asText()));
          return JSON.writeValueAsBytes(error);
        }
      } catch (IOException e) {
        // not the engine's JSON error: leave it as it is
      }
      return null;
    }
  }
}
