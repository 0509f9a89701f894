package org.congressflow.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address a request comes from, for {@link LoginThrottle}. X-Forwarded-For is believed only when the request
 * comes from one of {@code congressflow.security.trusted-proxies}: anyone else could write any address into it.
 */
@Component
class ClientAddress {

  private final Set<String> trustedProxies;

  ClientAddress(@Value("${congressflow.security.trusted-proxies:}") String trustedProxies) {
    this.trustedProxies = Arrays.stream(trustedProxies.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  String of(HttpServletRequest request) {
    String remote = request.getRemoteAddr();
    if (!trustedProxies.contains(remote)) {
      return remote;
    }
    var hops = new ArrayList<String>();
    for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
      Arrays.stream(header.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(hops::add);
    }
    // the nearest hop not a proxy of ours is the client; hops further left may be forged by it
    for (String hop : reversed(hops)) {
      if (!trustedProxies.contains(hop)) {
        return hop;
      }
    }
    return remote;
  }

  private static List<String> reversed(List<String> list) {
    var copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }
}
