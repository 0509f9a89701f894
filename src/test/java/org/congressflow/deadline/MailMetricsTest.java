package org.congressflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.congressflow.deadline.Notifications.Notification;
import org.congressflow.support.CongressFlowWebTest;
import org.congressflow.support.Operator;
import org.congressflow.support.TestSmtp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The outbox as an operator follows it in the metrics: an e-mail pending, then sent. */
@CongressFlowWebTest
class MailMetricsTest {

  @Autowired Notifications notifications;
  @Autowired MailOutbox outbox;
  @LocalServerPort int port;
  @Value("${congressflow.monitoring.count-cache}") Duration countCache;

  @Test
  void anEmailShowsPendingUntilItIsSentAndThenSent() throws Exception {
    TestSmtp.start();
    var admin = Operator.admin(port);
    double pending = admin.metric("congressflow.mails", "status:pending");
    double sent = admin.metric("congressflow.mails", "status:sent");
    String key = "metrics-" + System.nanoTime();

    // written outside a transaction: nothing delivers it at a commit, it waits for the next send of the outbox
    notifications.enqueue(new Notification(key, "metrics-campaign", "khanh-an", "reminder",
        List.of("operator@test.congressflow.vn"), "[CongressFlow] Thử số liệu", "Nội dung"), null);
    Operator.nextScrape(countCache);
    assertThat(admin.metric("congressflow.mails", "status:pending")).isEqualTo(pending + 1);
    assertThat(admin.metric("congressflow.mails", "status:sent")).isEqualTo(sent);

    assertThat(outbox.deliver(key)).isTrue();
    assertThat(admin.metric("congressflow.mails", "status:pending")).as("kept from the last look")
        .isEqualTo(pending + 1);
    Operator.nextScrape(countCache);
    assertThat(admin.metric("congressflow.mails", "status:pending")).isEqualTo(pending);
    assertThat(admin.metric("congressflow.mails", "status:sent")).isEqualTo(sent + 1);
    assertThat(admin.get("/actuator/prometheus").body())
        .contains("congressflow_mails{status=\"sent\"} " + (sent + 1), "congressflow_mails{status=\"failed\"} ");
  }
}
