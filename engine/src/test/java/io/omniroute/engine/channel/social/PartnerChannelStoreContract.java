package io.omniroute.engine.channel.social;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PartnerChannelStore} does: registers and replaces channels with their page
 * index, keeps a page to one channel, lists by id, deletes with the index entry, and finds the
 * channels of a post's pages in their order. Subclasses give a fresh, empty store per test.
 */
public abstract class PartnerChannelStoreContract {
  static final Instant MONDAY = Instant.parse("2026-03-02T08:00:00Z");

  protected PartnerChannelStore store;

  protected abstract PartnerChannelStore newStore();

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

  static PartnerChannel channel(String id, String network, String page, String dealerId) {
    return new PartnerChannel(id, network, page, dealerId, "demo-admin", MONDAY);
  }

  @Test
  void aRegisteredChannelIsReadBackAsStoredAndFoundByItsPage() {
    PartnerChannel muc = channel("muc-mastodon", "mastodon", "autohaus_muenchen@social.example", "DE-MUC-001");

    assertThat(await(store.put(muc))).isTrue();

    assertThat(await(store.get("muc-mastodon"))).contains(muc);
    assertThat(await(store.onPages("mastodon", List.of("someone@else.example", "autohaus_muenchen@social.example"))))
        .containsExactly(muc);
    assertThat(await(store.onPages("instagram", List.of("autohaus_muenchen@social.example")))).isEmpty();
    assertThat(await(store.get("unknown"))).isEmpty();
  }

  @Test
  void replacingAChannelMovesItsPageInTheIndex() {
    await(store.put(channel("muc", "instagram", "nordwind.muenchen", "DE-MUC-001")));
    PartnerChannel moved = channel("muc", "instagram", "autohaus.muenchen", "DE-MUC-001");

    assertThat(await(store.put(moved))).isFalse();

    assertThat(await(store.onPages("instagram", List.of("nordwind.muenchen")))).isEmpty();
    assertThat(await(store.onPages("instagram", List.of("autohaus.muenchen")))).containsExactly(moved);
  }

  @Test
  void aPageBelongsToOneChannel() {
    await(store.put(channel("muc", "instagram", "nordwind.muenchen", "DE-MUC-001")));

    Throwable refused = failure(store.put(channel("ber", "instagram", "nordwind.muenchen", "DE-BER-001")));

    assertThat(refused).isInstanceOf(PartnerPageTakenException.class);
    assertThat(((PartnerPageTakenException) refused).ownerId()).isEqualTo("muc");
    assertThat(await(store.get("ber"))).isEmpty();
    assertThat(await(store.onPages("instagram", List.of("nordwind.muenchen"))).get(0).id()).isEqualTo("muc");
  }

  @Test
  void listsChannelsByIdAndDeletesOneWithItsIndexEntry() {
    await(store.put(channel("ber", "instagram", "nordwind.berlin", "DE-BER-001")));
    await(store.put(channel("muc", "mastodon", "autohaus_muenchen@social.example", "DE-MUC-001")));
    await(store.put(channel("ham", "facebook", "hanse.automobile", "DE-HAM-001")));

    assertThat(await(store.list())).extracting(PartnerChannel::id).containsExactly("ber", "ham", "muc");
    assertThat(await(store.delete("muc"))).isTrue();
    assertThat(await(store.delete("muc"))).isFalse();

    assertThat(await(store.list())).extracting(PartnerChannel::id).containsExactly("ber", "ham");
    assertThat(await(store.onPages("mastodon", List.of("autohaus_muenchen@social.example")))).isEmpty();
    assertThat(await(store.put(channel("other", "mastodon", "autohaus_muenchen@social.example", "DE-BER-001"))))
        .isTrue();
  }

  @Test
  void findsTheChannelsOfSeveralPagesInTheirOrder() {
    PartnerChannel muc = channel("muc", "mastodon", "autohaus_muenchen@social.example", "DE-MUC-001");
    PartnerChannel ber = channel("ber", "mastodon", "autohaus_berlin@social.example", "DE-BER-001");
    await(store.put(muc));
    await(store.put(ber));

    assertThat(await(store.onPages("mastodon", List.of("lena@mastodon.social", "autohaus_berlin@social.example",
        "autohaus_muenchen@social.example")))).containsExactly(ber, muc);
    assertThat(await(store.onPages("mastodon", List.of()))).isEmpty();
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static Throwable failure(Future<?> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
