package org.congressflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Vietnamese translation of each Camunda webapp covers every label of the shipped English one (read from
 * the webjar on the classpath), and the app offers it alone, whatever the browser's language.
 */
class VietnameseLocalesTest {

  private static final String APPS = "META-INF/resources/webjars/camunda/app/";

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishLabelHasAVietnameseValue(String app) throws Exception {
    JsonNode english = read(app, "en.json", true);
    JsonNode vietnamese = read(app, "vi.json", false);
    var labels = english.get("labels").fieldNames();
    int count = 0;
    while (labels.hasNext()) {
      String key = labels.next();
      String en = english.get("labels").get(key).asText();
      JsonNode vi = vietnamese.get("labels").get(key);
      assertThat(vi).as("%s: %s", app, key).isNotNull();
      if (!en.isEmpty() && !en.equals("s")) { // "s" is the English plural ending: none in Vietnamese
        assertThat(vi.asText()).as("%s: %s", app, key).isNotBlank().doesNotContain("‹", "<chưa xác định>");
      }
      count++;
    }
    assertThat(count).isGreaterThan(150);
    if (english.has("dateLocales")) {
      assertThat(vietnamese.get("dateLocales").get("months").get(0).asText()).isEqualTo("tháng 1");
    }
    String config = new String(resource(APPS + app + "/scripts/config.js", false).readAllBytes(),
        StandardCharsets.UTF_8);
    assertThat(config).contains("availableLocales: ['vi']", "fallbackLocale: 'vi'");
  }

  private static JsonNode read(String app, String file, boolean fromWebjar) throws Exception {
    try (InputStream in = resource(APPS + app + "/locales/" + file, fromWebjar)) {
      return new ObjectMapper().readTree(in);
    }
  }

  /** Our resources and the webjar share a path: pick the copy from the jar or from our classes. */
  private static InputStream resource(String path, boolean fromWebjar) throws Exception {
    var urls = VietnameseLocalesTest.class.getClassLoader().getResources(path);
    while (urls.hasMoreElements()) {
      var url = urls.nextElement();
      if (url.getProtocol().equals("jar") == fromWebjar) {
        return url.openStream();
      }
    }
    throw new AssertionError("no " + path + (fromWebjar ? " in the webjar" : " in our resources"));
  }
}
