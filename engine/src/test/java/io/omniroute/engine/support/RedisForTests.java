package io.omniroute.engine.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import io.omniroute.engine.redis.RedisConnection;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import redis.embedded.RedisServer;
import redis.embedded.RedisShardedCluster;

/**
 * A real Redis for tests (DESIGN.md section 5): {@code REDIS_URL} when it is set, else a
 * redis-server from the embedded-redis artifact on a free loopback port, started on first use and
 * stopped when the JVM exits. Tests that share it must use their own keys or flush it in their
 * set-up ({@link #flushAll} works on the started server only, never on a {@code REDIS_URL}).
 * Thread-safe.
 */
public final class RedisForTests {
  private static final Duration CLUSTER_READY_TIMEOUT = Duration.ofSeconds(30);
  private static String url;
  private static RedisServer server;
  private static String clusterUrl;

  private RedisForTests() {}

  /** The URL of the Redis to use; starts one when needed. */
  public static synchronized String url() {
    if (url == null) {
      String external = System.getenv("REDIS_URL");
      url = external != null && !external.isBlank() ? external : startEmbedded();
    }
    return url;
  }

  /**
   * The {@code redis-cluster://} URL of a Redis Cluster of three masters: {@code REDIS_CLUSTER_URL}
   * when it is set, else three redis-servers from the embedded-redis artifact, started on first use
   * and stopped when the JVM exits.
   */
  public static synchronized String clusterUrl() {
    if (clusterUrl == null) {
      String external = System.getenv("REDIS_CLUSTER_URL");
      clusterUrl = external != null && !external.isBlank() ? external : startEmbeddedCluster();
    }
    return clusterUrl;
  }

  private static String startEmbeddedCluster() {
    try {
      RedisShardedCluster cluster = RedisShardedCluster.newRedisCluster()
          .shard("a", 0).shard("b", 0).shard("c", 0)
          .ephemeralServers()
          .initializationTimeout(CLUSTER_READY_TIMEOUT)
          .build();
      cluster.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          cluster.stop();
        } catch (IOException e) {
          // the JVM is exiting
        }
      }));
      awaitClusterStateOk(cluster.serverPorts());
      StringBuilder seeds = new StringBuilder(RedisConnection.CLUSTER_SCHEME);
      for (int port : cluster.serverPorts()) {
        seeds.append(seeds.length() > RedisConnection.CLUSTER_SCHEME.length() ? "," : "").append("127.0.0.1:").append(port);
      }
      return seeds.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded Redis Cluster", e);
    }
  }

  /**
   * Waits until every node reports {@code cluster_state:ok} and knows all its peers: embedded-redis
   * returns once one node is ready, while the others may still be learning the slot map by gossip
   * and would answer {@code CLUSTERDOWN}.
   */
  private static void awaitClusterStateOk(List<Integer> ports) {
    long deadline = System.nanoTime() + CLUSTER_READY_TIMEOUT.toNanos();
    for (int port : ports) {
      RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port));
      try (StatefulRedisConnection<String, String> connection = client.connect()) {
        while (!isClusterReady(connection.sync().clusterInfo(), ports.size())) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the embedded Redis Cluster node on port " + port
                + " did not report cluster_state:ok within " + CLUSTER_READY_TIMEOUT);
          }
          Thread.sleep(50);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the embedded Redis Cluster", e);
      } finally {
        client.shutdown();
      }
    }
  }

  private static boolean isClusterReady(String clusterInfo, int nodes) {
    return clusterInfo.contains("cluster_state:ok") && clusterInfo.contains("cluster_known_nodes:" + nodes + "\r\n")
        && clusterInfo.contains("cluster_slots_ok:16384");
  }

  /** Whether the tests run against the Redis they started themselves. */
  public static synchronized boolean isEmbedded() {
    url();
    return server != null;
  }

  /** A new redis-server on a free port, not shared, for tests that stop and restart Redis. */
  public static RedisServer newServer(int port) {
    try {
      return RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("save \"\"").setting("appendonly no").build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A free TCP port on the loopback interface. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String startEmbedded() {
    int port = freePort();
    server = newServer(port);
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded redis-server", e);
    }
    RedisServer started = server;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        started.stop();
      } catch (IOException e) {
        // the JVM is exiting
      }
    }));
    return "redis://127.0.0.1:" + port;
  }
}
