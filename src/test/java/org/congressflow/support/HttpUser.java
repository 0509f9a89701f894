package org.congressflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A user calling the application over HTTP, either as a REST client (HTTP Basic on {@code /engine-rest}) or as
 * the Camunda webapps do (a session cookie from the webapp login and the XSRF token, on
 * {@code /camunda/api/engine/engine/default}). {@link #engine} takes an engine REST path and sends it the way the
 * user reaches the engine.
 */
public final class HttpUser {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final String basic;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;

  private HttpUser(String baseUrl, String basic) {
    this.baseUrl = baseUrl;
    this.basic = basic;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** A REST client with HTTP Basic. */
  public static HttpUser basic(String baseUrl, String user, String password) {
    return new HttpUser(baseUrl, "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  /** Logged in through Tasklist's login form, as a browser is: a session cookie and the XSRF token. */
  public static HttpUser webapp(String baseUrl, String user, String password) throws IOException, InterruptedException {
    var client = new HttpUser(baseUrl, null);
    client.send("GET", "/camunda/app/tasklist/", null, null);
    var login = client.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
        "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    if (login.statusCode() != 200) {
      throw new IllegalStateException("webapp login of " + user + ": " + login.statusCode() + " " + login.body());
    }
    // the login starts a new session with a new XSRF token, which the next request receives as a cookie
    client.send("GET", "/camunda/api/admin/auth/user/default", null, null);
    return client;
  }

  /** An engine REST call ({@code /task/...}), over {@code /engine-rest} or the webapps' own engine API. */
  public HttpResponse<String> engine(String method, String path, String json) throws IOException, InterruptedException {
    String prefix = basic != null ? "/engine-rest" : "/camunda/api/engine/engine/default";
    return send(method, prefix + path, json, "application/json");
  }

  public JsonNode engineJson(String path) throws IOException, InterruptedException {
    var response = engine("GET", path, null);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }

  public HttpResponse<String> send(String method, String path, String body, String contentType)
      throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (basic != null) {
      request.header("Authorization", basic);
    }
    String token = xsrfToken();
    if (token != null) {
      request.header("X-XSRF-TOKEN", token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A GET whose answer is a file, as a browser downloads it. */
  public HttpResponse<byte[]> sendForBytes(String path) throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
    if (basic != null) {
      request.header("Authorization", basic);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private String xsrfToken() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }

  /** How a user is let in: by {@link #basic} or by {@link #webapp} login. */
  public enum Way { REST, WEBAPP }

  public static HttpUser of(Way way, String baseUrl, String user, String password)
      throws IOException, InterruptedException {
    return way == Way.REST ? basic(baseUrl, user, password) : webapp(baseUrl, user, password);
  }
}
