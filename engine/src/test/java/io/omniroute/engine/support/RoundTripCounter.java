package io.omniroute.engine.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP proxy in front of a real Redis that counts round trips: a round trip starts when a client
 * sends a command while none of its commands awaits an answer. Every answer is held back for a
 * fixed delay, so commands that a client sends together (pipelined, or issued at once from two
 * futures) count as one round trip however fast Redis answers, and a command that waits for an
 * answer before it is sent counts as the next. Commands and answers are read as RESP2 or RESP3
 * values. Start with {@link #start}, point clients at {@link #url()}, {@link #reset()} before the
 * step to measure; {@link #close()} stops it.
 */
public final class RoundTripCounter implements AutoCloseable {
  private final URI redis;
  private final long answerDelayMillis;
  private final ServerSocket server;
  private final List<Socket> sockets = new ArrayList<>();
  private int outstanding;
  private int roundTrips;
  private int commands;

  private RoundTripCounter(URI redis, long answerDelayMillis) throws IOException {
    this.redis = redis;
    this.answerDelayMillis = answerDelayMillis;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptClients, "round-trip-counter");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A proxy to the Redis at {@code redisUrl} that holds every answer back for {@code answerDelayMillis}. */
  public static RoundTripCounter start(String redisUrl, long answerDelayMillis) throws IOException {
    return new RoundTripCounter(URI.create(redisUrl), answerDelayMillis);
  }

  /** The Redis URL that goes through this proxy. */
  public String url() {
    return "redis://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
  }

  /** Starts counting afresh. */
  public synchronized void reset() {
    roundTrips = 0;
    commands = 0;
  }

  /** The round trips since the last {@link #reset()}. */
  public synchronized int roundTrips() {
    return roundTrips;
  }

  /** The commands sent since the last {@link #reset()}. */
  public synchronized int commands() {
    return commands;
  }

  private synchronized void commandSent() {
    if (outstanding == 0) {
      roundTrips++;
    }
    outstanding++;
    commands++;
  }

  private synchronized void answerDelivered() {
    outstanding = Math.max(0, outstanding - 1);
  }

  private void acceptClients() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(redis.getHost(), redis.getPort());
        synchronized (sockets) {
          sockets.add(client);
          sockets.add(upstream);
        }
        pump(client.getInputStream(), upstream.getOutputStream(), 0, this::commandSent);
        pump(upstream.getInputStream(), client.getOutputStream(), answerDelayMillis, this::answerDelivered);
      } catch (IOException e) {
        return;
      }
    }
  }

  /** Copies {@code in} to {@code out}, each chunk after {@code delayMillis}, telling {@code perValue} about each RESP value. */
  private static void pump(InputStream in, OutputStream out, long delayMillis, Runnable perValue) {
    Thread pump = new Thread(() -> {
      RespValues values = new RespValues();
      byte[] chunk = new byte[16 * 1024];
      try {
        for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
          if (delayMillis > 0) {
            Thread.sleep(delayMillis);
          }
          out.write(chunk, 0, read);
          out.flush();
          for (int i = values.feed(chunk, read); i > 0; i--) {
            perValue.run();
          }
        }
      } catch (IOException | InterruptedException e) {
        // the connection closed
      }
    }, "round-trip-counter-pump");
    pump.setDaemon(true);
    pump.start();
  }

  @Override
  public void close() {
    try {
      server.close();
      synchronized (sockets) {
        for (Socket socket : sockets) {
          socket.close();
        }
      }
    } catch (IOException e) {
      // closing anyway
    }
  }

  /** Counts the complete top-level RESP values in a byte stream fed chunk by chunk. */
  static final class RespValues {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /** Adds {@code length} bytes of {@code chunk}; answers how many values completed. */
    int feed(byte[] chunk, int length) {
      pending.write(chunk, 0, length);
      byte[] bytes = pending.toByteArray();
      int position = 0;
      int complete = 0;
      for (int end = skip(bytes, position); end >= 0; end = skip(bytes, position)) {
        position = end;
        complete++;
      }
      pending.reset();
      pending.write(bytes, position, bytes.length - position);
      return complete;
    }

    /** The index after the value at {@code p}, or -1 when it is not complete yet. */
    private static int skip(byte[] b, int p) {
      if (p >= b.length) {
        return -1;
      }
      int lineEnd = lineEnd(b, p);
      if (lineEnd < 0) {
        return -1;
      }
      int next = lineEnd + 2;
      return switch (b[p]) {
        case '$', '=', '!' -> {
          int length = Integer.parseInt(new String(b, p + 1, lineEnd - p - 1, StandardCharsets.US_ASCII));
          yield length < 0 ? next : (next + length + 2 <= b.length ? next + length + 2 : -1);
        }
        case '*', '~', '>', '%', '|' -> {
          int count = Integer.parseInt(new String(b, p + 1, lineEnd - p - 1, StandardCharsets.US_ASCII));
          int elements = b[p] == '%' || b[p] == '|' ? 2 * count : count;
          int at = next;
          for (int i = 0; i < elements && at >= 0; i++) {
            at = skip(b, at);
          }
          yield b[p] == '|' && at >= 0 ? skip(b, at) : at;
        }
        default -> next;
      };
    }

    private static int lineEnd(byte[] b, int from) {
      for (int i = from; i + 1 < b.length; i++) {
        if (b[i] == '\r' && b[i + 1] == '\n') {
          return i;
        }
      }
      return -1;
    }
  }
}
