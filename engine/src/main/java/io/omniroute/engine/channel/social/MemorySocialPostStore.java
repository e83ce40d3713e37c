package io.omniroute.engine.channel.social;

import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The posts received, in this process's memory: at most {@value #CAPACITY} posts, the oldest
 * forgotten first; lost when the process stops. One lock guards it; calls take microseconds.
 * Thread-safe; its futures are already complete when returned.
 */
public final class MemorySocialPostStore implements SocialPostStore {
  /** The most posts kept. */
  public static final int CAPACITY = 200_000;
  private final Map<String, Entry> posts = new LinkedHashMap<>(1024, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
      return size() > CAPACITY;
    }
  };

  @Override
  public synchronized Future<Void> remember(String network, String postId, Entry entry) {
    posts.putIfAbsent(key(network, postId), entry);
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Optional<Entry>> find(String network, String postId) {
    return Future.succeededFuture(Optional.ofNullable(posts.get(key(network, postId))));
  }

  @Override
  public void close() {}

  private static String key(String network, String postId) {
    return network + " " + postId;
  }
}
