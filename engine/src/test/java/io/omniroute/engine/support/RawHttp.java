package io.omniroute.engine.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends bytes that no well-behaved HTTP client would send (over-long lines, control characters,
 * malformed chunks) to an engine on loopback, and reads what comes back until the server closes
 * the connection or is silent for two seconds. For tests; one connection per call.
 */
public final class RawHttp {
  private RawHttp() {}

  /** One answer as read from the wire. */
  public record Answer(int status, String head, String body) {
    /** A header's value (case-insensitive name), or {@code null}. */
    public String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  /** Sends {@code request} (ISO-8859-1 text, so any byte can be written) and reads the answer. */
  public static Answer send(int port, String request) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(2_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      // the server kept the connection open, or reset it after answering: what was read is the answer
    }
    return out.toByteArray();
  }

  private static Answer parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/") || end < 0) {
      return new Answer(-1, text, "");
    }
    String head = text.substring(0, end);
    String body = text.substring(end + 4);
    int status = Integer.parseInt(head.substring(9, 12));
    String length = new Answer(status, head, body).header("Content-Length");
    if (length != null && body.length() > Integer.parseInt(length.toLowerCase(Locale.ROOT).trim())) {
      body = body.substring(0, Integer.parseInt(length.trim()));
    }
    return new Answer(status, head, body);
  }
}
