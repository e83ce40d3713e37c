package io.omniroute.engine.channel.social;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Partner channels in this process's memory: lost when it stops, the default when no Redis is
 * configured. One lock guards the channels and their page index, so every step is atomic; calls
 * take microseconds, so event loops may call it. Thread-safe; its futures are already complete
 * when returned.
 */
public final class MemoryPartnerChannelStore implements PartnerChannelStore {
  private final Map<String, PartnerChannel> byId = new TreeMap<>();
  private final Map<String, String> idByPage = new HashMap<>();

  @Override
  public synchronized Future<Boolean> put(PartnerChannel channel) {
    String owner = idByPage.get(channel.pageKey());
    if (owner != null && !owner.equals(channel.id())) {
      return Future.failedFuture(new PartnerPageTakenException(channel.network(), channel.page(), owner));
    }
    PartnerChannel previous = byId.put(channel.id(), channel);
    if (previous != null) {
      idByPage.remove(previous.pageKey());
    }
    idByPage.put(channel.pageKey(), channel.id());
    return Future.succeededFuture(previous == null);
  }

  @Override
  public synchronized Future<Optional<PartnerChannel>> get(String id) {
    return Future.succeededFuture(Optional.ofNullable(byId.get(id)));
  }

  @Override
  public synchronized Future<List<PartnerChannel>> list() {
    return Future.succeededFuture(List.copyOf(byId.values()));
  }

  @Override
  public synchronized Future<Boolean> delete(String id) {
    PartnerChannel removed = byId.remove(id);
    if (removed != null) {
      idByPage.remove(removed.pageKey());
    }
    return Future.succeededFuture(removed != null);
  }

  @Override
  public synchronized Future<List<PartnerChannel>> onPages(String network, List<String> pages) {
    List<PartnerChannel> found = new ArrayList<>();
    for (String page : pages) {
      String id = idByPage.get(PartnerChannel.pageKey(network, page));
      if (id != null) {
        found.add(byId.get(id));
      }
    }
    return Future.succeededFuture(found);
  }

  @Override
  public void close() {}
}
