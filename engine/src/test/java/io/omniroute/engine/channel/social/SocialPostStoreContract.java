package io.omniroute.engine.channel.social;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SocialPostStore} does: remembers what a post became, by network and post id,
 * and keeps the first entry of a post. Subclasses give a fresh, empty store per test.
 */
public abstract class SocialPostStoreContract {
  protected SocialPostStore store;

  protected abstract SocialPostStore newStore();

  /** Runs after the store is closed: releases what the subclass opened for it. */
  protected void afterClose() {}

  @BeforeEach
  void open() {
    store = newStore();
  }

  @AfterEach
  void close() {
    try {
      store.close();
    } finally {
      afterClose();
    }
  }

  @Test
  void remembersWhatAPostBecameByNetworkAndPostId() {
    SocialPostStore.Entry mention = new SocialPostStore.Entry("contact-1", "113427801234567890");
    await(store.remember("mastodon", "113427801234567890", mention));

    assertThat(await(store.find("mastodon", "113427801234567890"))).contains(mention);
    assertThat(await(store.find("instagram", "113427801234567890"))).isEmpty();
    assertThat(await(store.find("mastodon", "999"))).isEmpty();
  }

  @Test
  void theFirstEntryOfAPostStays() {
    await(store.remember("instagram", "p-1", new SocialPostStore.Entry("contact-1", "p-1")));
    await(store.remember("instagram", "p-1", new SocialPostStore.Entry("contact-2", "p-0")));

    assertThat(await(store.find("instagram", "p-1"))).contains(new SocialPostStore.Entry("contact-1", "p-1"));
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
