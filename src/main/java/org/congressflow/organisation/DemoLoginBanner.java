package org.congressflow.organisation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Demo profile: prints where the applications are and how to log in, once the app is ready. */
@Component
@Profile("demo")
class DemoLoginBanner {

  private static final Logger log = LoggerFactory.getLogger(DemoLoginBanner.class);

  private final String password;

  DemoLoginBanner(@Value("${congressflow.demo.password}") String password) {
    this.password = password;
  }

  @EventListener
  void ready(ApplicationReadyEvent event) {
    int port = event.getApplicationContext() instanceof WebServerApplicationContext web
        ? web.getWebServer().getPort() : 8080;
    String url = "http://localhost:" + port;
    log.info("""

        ==================================================================================
         CongressFlow is running (demo profile)
           Tasklist:  {}/camunda/app/tasklist/
           Cockpit:   {}/camunda/app/cockpit/
           Admin:     {}/camunda/app/admin/
         Demo logins, all with password '{}':
           admin                      administrator (Admin, Cockpit, Tasklist)
           khanh-trung-officer        Khánh Trung office staff (pilot congress)
           khanh-trung-secretary      Khánh Trung party committee standing board
           khanh-an-officer           Khánh An office staff (and <organisation>-officer for every one)
           khanh-an-cb-01-officer     a cell of Khánh An (and <cell>-officer / <cell>-secretary)
           standing-committee-member  District Standing Committee (approves, ratifies)
           organisation-board-officer District Organisation Board (appraisal, lessons conference)
           inspection-officer         District Inspection Committee
           province-liaison-officer   Provincial Standing Committee (district congress)
           yen-khanh-officer          District party office (district congress staff)
           manager                    read-only Cockpit
        ==================================================================================
        """, url, url, url, password);
  }
}
