package io.omniroute.loadtest.bench;

import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Imports generated customer profiles ({@link GeneratedCustomers#jsonLine}) into a running engine
 * through {@code POST /v1/customers/import} as JSON Lines, generated while they are sent (the
 * file is never in memory), and prints how long the import took and its report.
 *
 * <p>Run against an engine: {@code java -cp loadtest/target/omniroute-benchmarks.jar
 * io.omniroute.loadtest.bench.ImportRun [URL] [ROWS] [TOKEN]} (defaults {@code
 * http://127.0.0.1:8480}, 1,000,000 rows, {@code demo-admin}).
 */
public final class ImportRun {
  private ImportRun() {}

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "http://127.0.0.1:8480";
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    String token = args.length > 2 ? args[2] : "demo-admin";
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/v1/customers/import"))
        .timeout(Duration.ofMinutes(30))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Rows(rows)))
        .build();
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    double seconds = (System.nanoTime() - start) / 1e9;
    JsonObject report = new JsonObject(response.body());
    System.out.printf("%,d rows in %.1f s (%,.0f rows/s): status %d, imported %d, updated %d, rejected %d%n",
        rows, seconds, rows / seconds, response.statusCode(), report.getLong("imported"), report.getLong("updated"),
        report.getLong("rejected"));
  }

  /** The rows as a stream of UTF-8 bytes, made one line at a time. */
  static final class Rows extends InputStream {
    private final int rows;
    private int next;
    private byte[] line = new byte[0];
    private int at;

    Rows(int rows) {
      this.rows = rows;
    }

    @Override
    public int read() {
      if (!fill()) {
        return -1;
      }
      return line[at++] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      int copied = 0;
      while (copied < length && fill()) {
        int n = Math.min(length - copied, line.length - at);
        System.arraycopy(line, at, buffer, offset + copied, n);
        at += n;
        copied += n;
      }
      return copied == 0 ? -1 : copied;
    }

    private boolean fill() {
      if (at < line.length) {
        return true;
      }
      if (next >= rows) {
        return false;
      }
      line = GeneratedCustomers.jsonLine(next++).getBytes(StandardCharsets.UTF_8);
      at = 0;
      return true;
    }
  }
}
