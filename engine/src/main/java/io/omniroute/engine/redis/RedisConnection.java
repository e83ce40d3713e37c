package io.omniroute.engine.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One Lettuce client and its connection, for one engine process: to a standalone or Sentinel
 * Redis ({@code redis://}, {@code rediss://}, {@code redis-sentinel://} URIs) or to a Redis Cluster
 * ({@code redis-cluster://host:port[,host:port...]}). Commands fail after {@code timeout}, and at
 * once while the connection is down (it reconnects by itself), so a Redis outage turns into quick
 * errors instead of hanging requests. Thread-safe; {@link #close()} closes the connection and
 * shuts the client down.
 */
public final class RedisConnection implements AutoCloseable {
  /** The scheme of a Redis Cluster URI: {@code redis-cluster://host:port,host:port}. */
  public static final String CLUSTER_SCHEME = "redis-cluster://";
  /** The namespace of the engine's keys unless configured otherwise. */
  public static final String DEFAULT_NAMESPACE = "omniroute";

  private final AutoCloseable connection;
  private final Supplier<StatefulRedisPubSubConnection<String, String>> pubSub;
  private final Runnable shutdown;
  private final RedisClusterAsyncCommands<String, String> commands;
  private final boolean cluster;

  private RedisConnection(
      AutoCloseable connection,
      Supplier<StatefulRedisPubSubConnection<String, String>> pubSub,
      Runnable shutdown,
      RedisClusterAsyncCommands<String, String> commands,
      boolean cluster) {
    this.connection = connection;
    this.pubSub = pubSub;
    this.shutdown = shutdown;
    this.commands = commands;
    this.cluster = cluster;
  }

  /**
   * Connects to {@code url}.
   *
   * @throws IllegalArgumentException when the URL is not a Redis URI
   * @throws io.lettuce.core.RedisException when Redis cannot be reached
   */
  public static RedisConnection open(String url, Duration timeout) {
    TimeoutOptions timeouts = TimeoutOptions.builder().fixedTimeout(timeout).build();
    if (url.startsWith(CLUSTER_SCHEME)) {
      List<RedisURI> seeds = new ArrayList<>();
      for (String seed : url.substring(CLUSTER_SCHEME.length()).split(",")) {
        RedisURI uri = RedisURI.create("redis://" + seed.strip());
        uri.setTimeout(timeout);
        seeds.add(uri);
      }
      RedisClusterClient client = RedisClusterClient.create(seeds);
      client.setOptions(ClusterClientOptions.builder()
          .timeoutOptions(timeouts)
          .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
          .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder().enableAllAdaptiveRefreshTriggers().build())
          .build());
      StatefulRedisClusterConnection<String, String> connection = connectOrShutdown(client::connect, client::shutdown);
      return new RedisConnection(connection, client::connectPubSub, client::shutdown, connection.async(), true);
    }
    RedisURI uri = RedisURI.create(url);
    uri.setTimeout(timeout);
    RedisClient client = RedisClient.create(uri);
    client.setOptions(ClientOptions.builder()
        .timeoutOptions(timeouts)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .build());
    StatefulRedisConnection<String, String> connection = connectOrShutdown(client::connect, client::shutdown);
    return new RedisConnection(connection, client::connectPubSub, client::shutdown, connection.async(), false);
  }

  private static <C> C connectOrShutdown(Supplier<C> connect, Runnable shutdown) {
    try {
      return connect.get();
    } catch (RuntimeException e) {
      shutdown.run();
      throw e;
    }
  }

  public boolean isCluster() {
    return cluster;
  }

  /** The asynchronous commands of the shared connection. */
  public RedisClusterAsyncCommands<String, String> commands() {
    return commands;
  }

  /**
   * A new publish/subscribe connection of this client; it reconnects and resubscribes by itself.
   * The caller closes it, before this connection.
   */
  public StatefulRedisPubSubConnection<String, String> openPubSub() {
    return pubSub.get();
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (Exception e) {
      // closing is best effort; the client shutdown below releases the threads
    } finally {
      shutdown.run();
    }
  }
}
