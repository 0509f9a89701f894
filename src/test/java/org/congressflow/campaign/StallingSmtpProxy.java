package org.congressflow.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay between the application and the SMTP server. When {@link #stall(boolean) stalled} it holds back the
 * chunk that ends an e-mail's content ("CRLF.CRLF") and closes that connection to the server: the server never
 * accepts that e-mail, and the sender waits for an answer, in the middle of its send, until it is killed.
 */
final class StallingSmtpProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final int target;
  private volatile boolean stalled;
  private final AtomicInteger held = new AtomicInteger();

  StallingSmtpProxy(int target) throws IOException {
    this.target = target;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    var acceptor = new Thread(this::accept, "smtp-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  void stall(boolean stall) {
    this.stalled = stall;
  }

  /** E-mails whose end was held back while stalled: sends cut off before the server accepted them. */
  int held() {
    return held.get();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
        pump(server.getInputStream(), client.getOutputStream(), null, client, server);
        pump(client.getInputStream(), server.getOutputStream(), server, client, server);
      } catch (IOException e) {
        // closed
      }
    }
  }

  private void pump(InputStream in, OutputStream out, Socket toServer, Socket client, Socket server) {
    var thread = new Thread(() -> {
      byte[] buffer = new byte[65536];
      String tail = "";
      try {
        int n;
        while ((n = in.read(buffer)) > 0) {
          if (toServer != null) {
            String text = tail + new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
            if (stalled && text.contains("\r\n.\r\n")) {
              held.incrementAndGet();
              server.close(); // the server never sees the end of the e-mail; the client waits for its answer
              return;
            }
            tail = text.substring(Math.max(0, text.length() - 4));
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // one side closed
      }
      if (!(toServer != null && held.get() > 0 && server.isClosed())) {
        close(client);
        close(server);
      }
    }, "smtp-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
