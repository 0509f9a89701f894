package org.congressflow.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/** The user calling our own API ({@code /api/*}), as authenticated by {@link ApiAuthentication}. */
public record Caller(String userId, List<String> groupIds) {

  static final String ATTRIBUTE = Caller.class.getName();

  public Caller {
    groupIds = List.copyOf(groupIds);
  }

  /** The caller of a request that passed the API's authentication filter. */
  public static Caller of(HttpServletRequest request) {
    var caller = (Caller) request.getAttribute(ATTRIBUTE);
    if (caller == null) {
      throw new IllegalStateException("no authenticated caller: is " + request.getRequestURI() + " under /api/?");
    }
    return caller;
  }
}
