package io.omniroute.engine.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.omniroute.engine.StoreUnavailableException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the Redis stores talk to Redis: Lua scripts by digest (sent in full once when Redis does
 * not know them), and Lettuce's completion stages turned into Vert.x futures with Redis outages
 * translated to {@link StoreUnavailableException}. Thread-safe.
 */
public final class RedisCalls {
  /** Error replies that mean Redis is there but cannot serve the command yet; a retry later may succeed. */
  private static final List<String> UNAVAILABLE_REPLIES =
      List.of("LOADING", "CLUSTERDOWN", "TRYAGAIN", "MASTERDOWN", "READONLY", "BUSY ", "NOREPLICAS");

  private final RedisClusterAsyncCommands<String, String> redis;
  private final Map<String, String> shas = new ConcurrentHashMap<>();

  public RedisCalls(RedisClusterAsyncCommands<String, String> redis) {
    this.redis = redis;
  }

  /** Runs a Lua script with keys {@code k} and arguments {@code args}. */
  @SuppressWarnings("unchecked")
  public <T> CompletionStage<T> script(String script, ScriptOutputType type, String[] k, String... args) {
    String sha = shas.computeIfAbsent(script, redis::digest);
    CompletionStage<T> run = (CompletionStage<T>) redis.evalsha(sha, type, k, args);
    return run.exceptionallyCompose(failure -> {
      Throwable cause = unwrap(failure);
      if (cause instanceof RedisCommandExecutionException && String.valueOf(cause.getMessage()).startsWith("NOSCRIPT")) {
        return (CompletionStage<T>) redis.eval(script, type, k, args);
      }
      return CompletableFuture.failedFuture(cause);
    });
  }

  /**
   * A failure as callers should see it: Redis unreachable, timed out, or answering that it cannot
   * serve right now (still loading its data, cluster down, failing over) is {@link
   * StoreUnavailableException}, as is a connection reset under a command in flight; anything else stays as it is.
   */
  private static Throwable translated(Throwable cause) {
    if (cause instanceof RedisCommandExecutionException) {
      String message = String.valueOf(cause.getMessage());
      return UNAVAILABLE_REPLIES.stream().anyMatch(message::startsWith)
          ? new StoreUnavailableException("Redis cannot serve right now: " + message)
          : cause;
    }
    return cause instanceof RedisException || cause instanceof IOException
        ? new StoreUnavailableException("Redis is not reachable: " + cause.getMessage())
        : cause;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /**
   * A Vert.x future of {@code stage}, completing on the calling Vert.x context when there is one,
   * failing with {@link StoreUnavailableException} when Redis cannot serve.
   */
  public static <T> Future<T> future(CompletionStage<T> stage) {
    Context context = Vertx.currentContext();
    CompletionStage<T> unwrapped = stage.handle((value, failure) -> {
      if (failure != null) {
        throw failure instanceof CompletionException ce ? ce : new CompletionException(failure);
      }
      return value;
    });
    Future<T> future = context == null ? Future.fromCompletionStage(unwrapped) : Future.fromCompletionStage(unwrapped, context);
    return future.recover(failure -> Future.failedFuture(translated(unwrap(failure))));
  }
}
