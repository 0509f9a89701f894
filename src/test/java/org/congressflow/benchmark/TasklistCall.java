package org.congressflow.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The REST calls Tasklist makes for a user's task list, in the user's webapp session: its filters, sorted by
 * priority (the first is the one a user sees first), then {@code POST .../filter/{id}/list} (the engine REST API
 * under the webapp's path) with the page and sorting Tasklist sends, as HAL (so with the filter's variables,
 * organisation and congress), authorizations on.
 */
final class TasklistCall {

  static final String BODY = """
      {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],\
      "sorting":[{"sortBy":"created","sortOrder":"desc"}],"active":true}""";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TasklistCall() {}

  static String firstFilter(WebSession user) throws Exception {
    JsonNode filters = JSON.readTree(user.get(WebSession.ENGINE_API + "/filter?resourceType=Task&itemCount=false"));
    JsonNode first = null;
    for (JsonNode filter : filters) {
      if (first == null || priority(filter) < priority(first)) {
        first = filter;
      }
    }
    if (first == null) {
      throw new IllegalStateException("The user sees no task filter");
    }
    return first.get("id").asText();
  }

  static String list(WebSession user, String filterId) throws Exception {
    return user.post(WebSession.ENGINE_API + "/filter/" + filterId + "/list?firstResult=0&maxResults=15", BODY,
        "application/hal+json");
  }

  static double timedList(WebSession user, String filterId) throws Exception {
    return WebSession.millis(() -> list(user, filterId));
  }

  static long count(WebSession user, String filterId) throws Exception {
    return JSON.readTree(user.get(WebSession.ENGINE_API + "/filter/" + filterId + "/count")).get("count").asLong();
  }

  private static int priority(JsonNode filter) {
    JsonNode priority = filter.path("properties").path("priority");
    return priority.isNumber() ? priority.asInt() : Integer.MAX_VALUE;
  }
}
