package org.congressflow.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The response headers of every path we serve. Spring Security writes each only if the response has none yet, so
 * where Camunda's HttpHeaderSecurityFilter already wrote one for its webapps (its Content-Security-Policy with
 * {@code frame-ancestors 'none'}, X-XSS-Protection, nosniff), Camunda's stays. HSTS is written here for every
 * path, Camunda's own HSTS stays off: one writer, one switch ({@code congressflow.security.tls}).
 */
@Component
class SecurityHeaders {

  private static final long ONE_YEAR = 365L * 24 * 3600;
  /** Static files, versioned by the webapps or small: the browser may cache them; everything else is no-store. */
  private static final RequestMatcher STATIC = new OrRequestMatcher(
      new AndRequestMatcher(path("/camunda/**"), new NegatedRequestMatcher(path("/camunda/api/**"))),
      path("/dashboard/**"), path("/forms/**"));
  private static final String DASHBOARD_POLICY = "default-src 'self'; object-src 'none'; base-uri 'self'; "
      + "form-action 'self'; frame-ancestors 'none'";
  private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  private final boolean tls;

  SecurityHeaders(@Value("${congressflow.security.tls:false}") boolean tls) {
    this.tls = tls;
  }

  Customizer<HeadersConfigurer<HttpSecurity>> all() {
    return headers -> {
      // no page of ours or of the webapps is meant to be framed (Tasklist shows forms inline, not in frames)
      headers.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny);
      headers.contentTypeOptions(Customizer.withDefaults());
      headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
      // HSTS on a secure request (TLS here, or X-Forwarded-Proto https from a trusted proxy), or always when
      // the switch says the app is only ever reached over TLS
      headers.httpStrictTransportSecurity(hsts -> {
        hsts.maxAgeInSeconds(ONE_YEAR).includeSubDomains(false);
        if (tls) {
          hsts.requestMatcher(AnyRequestMatcher.INSTANCE);
        }
      });
      headers.cacheControl(HeadersConfigurer.CacheControlConfig::disable);
      headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(STATIC),
          new CacheControlHeadersWriter()));
      headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(path("/dashboard/**"),
          new StaticHeadersWriter("Content-Security-Policy", DASHBOARD_POLICY)));
      headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(path("/api/**"),
          new StaticHeadersWriter("Content-Security-Policy", API_POLICY)));
    };
  }

  static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }
}
