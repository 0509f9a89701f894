package org.congressflow.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A real SMTP server (GreenMail) in the test JVM, on a free port, that the application sends its e-mails to.
 * It can be stopped and started again on the same port to play an SMTP outage.
 */
public class TestSmtp implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final int PORT = freePort();
  private static GreenMail server;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    start();
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-smtp",
        Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", PORT)));
  }

  public static int port() {
    return PORT;
  }

  public static synchronized void start() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }
  }

  /** The SMTP server goes down: sending fails until {@link #start()}. */
  public static synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /**
   * Each e-mail once per time it was sent, in the order received. The server keeps a copy per recipient; an e-mail
   * sent twice keeps its Message-ID (the outbox gives each notification its own), so it is here twice.
   */
  public static synchronized List<MimeMessage> received() {
    if (server == null) {
      return List.of();
    }
    var copies = new java.util.HashMap<String, Integer>();
    return java.util.Arrays.stream(server.getReceivedMessages())
        .filter(m -> copies.merge(messageId(m), 1, Integer::sum) % recipients(m) == 1 % recipients(m)).toList();
  }

  private static int recipients(MimeMessage message) {
    try {
      var to = message.getAllRecipients();
      return to == null ? 1 : to.length;
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<String> subjects() {
    return received().stream().map(message -> {
      try {
        return message.getSubject();
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static synchronized void clear() throws Exception {
    if (server != null) {
      server.purgeEmailFromAllMailboxes();
    }
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
