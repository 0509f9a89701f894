package org.congressflow.benchmark;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A browser's session as the dashboard and Tasklist have it: logged in through the Camunda webapp's login (session
 * cookie), the webapp's CSRF token sent with every POST. So a call costs what it costs a user, without a password
 * check per request.
 */
final class WebSession {

  static final String ENGINE_API = "/camunda/api/engine/engine/default";
  private static final String LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";

  private final String base;
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .connectTimeout(Duration.ofSeconds(5)).build();
  private String csrf;

  WebSession(int port, String userId, String password) throws Exception {
    this.base = "http://127.0.0.1:" + port;
    csrf = token();
    String form = "username=" + URLEncoder.encode(userId, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    var login = http.send(HttpRequest.newBuilder(URI.create(base + LOGIN)).timeout(Duration.ofMinutes(1))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    if (login.statusCode() != 200) {
      throw new IllegalStateException("Login of " + userId + ": " + login.statusCode() + " " + login.body());
    }
    csrf = token();
  }

  String get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET());
  }

  String post(String path, String json, String accept) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept)
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Milliseconds of a call, the answer read to its end. */
  static double millis(Call call) throws Exception {
    long began = System.nanoTime();
    String body = call.run();
    double millis = (System.nanoTime() - began) / 1e6;
    if (body.isEmpty()) {
      throw new IllegalStateException("empty answer");
    }
    return millis;
  }

  interface Call {
    String run() throws Exception;
  }

  private String send(HttpRequest.Builder request) throws Exception {
    var built = request.timeout(Duration.ofMinutes(2)).build();
    var response = http.send(built, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(built.method() + " " + built.uri() + ": " + response.statusCode() + " "
          + response.body());
    }
    return response.body();
  }

  /** Any GET under /camunda/api answers with the session's CSRF token. */
  private String token() throws Exception {
    var response = http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/"))
        .timeout(Duration.ofMinutes(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
    return response.headers().firstValue("X-XSRF-TOKEN").orElse("");
  }
}
