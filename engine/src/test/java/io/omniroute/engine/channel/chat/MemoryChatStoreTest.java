package io.omniroute.engine.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.support.TestClock;
import org.junit.jupiter.api.Test;

/** The memory store passes the chat store contract; a session is gone once its time to live has passed. */
class MemoryChatStoreTest extends ChatStoreContract {
  private final TestClock clock = new TestClock(NOW);

  @Override
  protected ChatStore newStore() {
    return new MemoryChatStore(clock);
  }

  @Test
  void forgetsASessionAfterItsTimeToLive() {
    String hash = ChatTokens.hash(ChatTokens.newToken());
    await(store.save(hash, SESSION));

    clock.advance(ChatStore.SESSION_TTL.minusSeconds(1));
    assertThat(found(store, hash)).contains(SESSION);
    clock.advance(java.time.Duration.ofSeconds(1));
    assertThat(found(store, hash)).isEmpty();
  }

  @Test
  void tokensAreLongRandomAndKeptOnlyAsTheirHash() {
    String token = ChatTokens.newToken();

    assertThat(token).matches("[A-Za-z0-9_-]{22}").isNotEqualTo(ChatTokens.newToken());
    assertThat(ChatTokens.hash(token)).hasSize(64).doesNotContain(token);
  }
}
