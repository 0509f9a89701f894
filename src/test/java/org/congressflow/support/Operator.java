package org.congressflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Someone reading {@code /actuator} over HTTP: a load balancer (no login) or a user with HTTP Basic, such as the
 * administrator of application-test.yaml.
 */
public final class Operator {

  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "Ki3m-Tra-Tu-Dong#2025";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int port;
  private final String userId;
  private final String authorization;

  private Operator(int port, String userId, String password) {
    this.port = port;
    this.userId = userId;
    this.authorization = userId == null ? null : "Basic " + Base64.getEncoder()
        .encodeToString((userId + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public static Operator anonymous(int port) {
    return new Operator(port, null, null);
  }

  public static Operator admin(int port) {
    return new Operator(port, ADMIN, ADMIN_PASSWORD);
  }

  /** The same user with another password, such as a wrong one. */
  public Operator withPassword(String password) {
    return new Operator(port, userId, password);
  }

  /** A new user in the group (made if missing), calling with HTTP Basic. */
  public static Operator newMember(IdentityService identity, int port, String group, String password) {
    if (identity.createGroupQuery().groupId(group).count() == 0) {
      identity.saveGroup(identity.newGroup(group));
    }
    String id = "operator-" + System.nanoTime();
    var user = identity.newUser(id);
    user.setPassword(password);
    identity.saveUser(user);
    identity.createMembership(id, group);
    return new Operator(port, id, password);
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  public JsonNode json(String path) throws IOException, InterruptedException {
    return JSON.readTree(get(path).body());
  }

  /** A metric's value as /actuator/metrics shows it, for one tag ({@code status:pending}) or none. */
  public double metric(String name, String tag) throws IOException, InterruptedException {
    var answer = get("/actuator/metrics/" + name + (tag == null ? "" : "?tag=" + tag));
    assertThat(answer.statusCode()).as(name + " " + tag + ": " + answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body()).at("/measurements/0/value").asDouble();
  }

  /** The next look comes once the counts kept from the last one are stale: the engine clock moves on by that. */
  public static void nextScrape(Duration countCache) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + countCache.toMillis()));
  }
}
