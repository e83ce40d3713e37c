package io.omniroute.engine.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.support.Eventually;
import io.omniroute.engine.support.RedisForTests;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Redis store passes the chat store contract against a real Redis, each test in its own
 * namespace; a session outlives the store that saved it (a node restarting) and expires, and an
 * announcement made by one node reaches the others.
 */
class RedisChatStoreTest extends ChatStoreContract {
  private String namespace;
  private RedisConnection connection;

  @Override
  protected ChatStore newStore() {
    namespace = "test-" + UUID.randomUUID();
    connection = RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(2));
    return RedisChatStore.open(connection, namespace);
  }

  @Override
  protected void afterClose() {
    connection.close();
  }

  @Test
  void aSessionOutlivesTheStoreThatSavedItAndExpires() throws Exception {
    String hash = ChatTokens.hash(ChatTokens.newToken());
    await(store.save(hash, SESSION));
    store.close();

    try (RedisConnection restarted = RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(2));
        RedisChatStore again = RedisChatStore.open(restarted, namespace)) {
      assertThat(found(again, hash)).contains(SESSION);
      String key = again.key(hash);
      assertThat(key).isEqualTo(namespace + ":chat:session:{" + hash + "}");
      long ttl = restarted.commands().ttl(key).get(5, TimeUnit.SECONDS);
      assertThat(ttl).isBetween(ChatStore.SESSION_TTL.toSeconds() - 60, ChatStore.SESSION_TTL.toSeconds());
    }
    store = RedisChatStore.open(connection, namespace);
  }

  @Test
  void anAnnouncementOfOneNodeReachesAnother() {
    try (RedisConnection otherConnection = RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(2));
        RedisChatStore otherNode = RedisChatStore.open(otherConnection, namespace)) {
      Heard heardThere = new Heard();
      otherNode.deliverTo(heardThere);

      await(store.announce("c-4711"));

      assertThat(Eventually.until(() -> List.copyOf(heardThere.streams), list -> !list.isEmpty()))
          .containsExactly(ChatStore.stream("c-4711"));
    }
  }
}
