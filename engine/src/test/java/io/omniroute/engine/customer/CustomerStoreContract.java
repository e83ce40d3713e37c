package io.omniroute.engine.customer;

import io.omniroute.rules.model.Relationship;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CustomerStore} does: profiles and their identity index stay consistent, an
 * identity belongs to one customer, and a conflicting write changes nothing. Subclasses give a
 * fresh, empty store per test.
 */
public abstract class CustomerStoreContract {
  protected CustomerStore store;

  protected abstract CustomerStore newStore();

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

  /** Runs after the store is closed: releases what the subclass opened for it. */
  protected void afterClose() {}

  static CustomerProfile profile(String id, List<String> phones, List<String> emails) {
    return new CustomerProfile(id, "Anna Berger", phones, emails,
        List.of(new CustomerProfile.Handle("instagram", id.toLowerCase() + ".handle")),
        "DE-MUC-001", "DE", "de", "private", Relationship.INDIRECT);
  }

  @Test
  void aNewProfileIsCreatedAndReadBackAsStored() {
    CustomerProfile anna = profile("C-1", List.of("+49891234567"), List.of("anna@example.com"));

    CustomerStore.Saved saved = await(store.put(anna));

    assertThat(saved.created()).isTrue();
    assertThat(await(store.get("C-1"))).contains(anna);
    assertThat(await(store.count())).isEqualTo(1);
  }

  @Test
  void everyIdentityFindsItsProfile() {
    CustomerProfile anna = profile("C-1", List.of("+49891234567", "+4915112345678"), List.of("anna@example.com"));
    await(store.put(anna));

    assertThat(await(store.findByIdentity(Identity.phone("+4915112345678")))).contains(anna);
    assertThat(await(store.findByIdentity(Identity.email("anna@example.com")))).contains(anna);
    assertThat(await(store.findByIdentity(Identity.handle("instagram", "c-1.handle")))).contains(anna);
    assertThat(await(store.findByIdentity(Identity.phone("+49300000000")))).isEmpty();
    assertThat(await(store.get("C-2"))).isEmpty();
  }

  @Test
  void replacingAProfileReleasesTheIdentitiesItNoLongerHas() {
    await(store.put(profile("C-1", List.of("+49891234567"), List.of("anna@example.com"))));

    CustomerStore.Saved saved = await(store.put(profile("C-1", List.of("+4915112345678"), List.of("anna@example.com"))));

    assertThat(saved.created()).isFalse();
    assertThat(await(store.findByIdentity(Identity.phone("+49891234567")))).isEmpty();
    assertThat(await(store.findByIdentity(Identity.phone("+4915112345678")))).map(CustomerProfile::id).contains("C-1");
    await(store.put(profile("C-2", List.of("+49891234567"), List.of())));
    assertThat(await(store.findByIdentity(Identity.phone("+49891234567")))).map(CustomerProfile::id).contains("C-2");
  }

  @Test
  void anIdentityOfAnotherCustomerIsAConflictAndChangesNothing() {
    CustomerProfile anna = profile("C-1", List.of("+49891234567"), List.of("anna@example.com"));
    CustomerProfile ben = profile("C-2", List.of("+4915112345678"), List.of("ben@example.com"));
    await(store.put(anna));
    await(store.put(ben));

    Throwable conflict = failure(store.put(profile("C-2", List.of("+4915199999999"), List.of("anna@example.com"))));
    Throwable newcomer = failure(store.put(profile("C-3", List.of("+49891234567"), List.of())));

    assertThat(conflict).isInstanceOf(IdentityConflictException.class);
    assertThat(((IdentityConflictException) conflict).otherCustomerId()).isEqualTo("C-1");
    assertThat(((IdentityConflictException) conflict).identity()).isEqualTo(Identity.email("anna@example.com"));
    assertThat(((IdentityConflictException) newcomer).otherCustomerId()).isEqualTo("C-1");
    assertThat(await(store.get("C-2"))).contains(ben);
    assertThat(await(store.get("C-3"))).isEmpty();
    assertThat(await(store.findByIdentity(Identity.phone("+4915199999999")))).isEmpty();
    assertThat(await(store.findByIdentity(Identity.phone("+4915112345678")))).contains(ben);
  }

  @Test
  void erasingRemovesTheProfileAndReleasesItsIdentities() {
    CustomerProfile anna = profile("C-1", List.of("+49891234567"), List.of("anna@example.com"));
    await(store.put(anna));

    assertThat(await(store.erase("C-1"))).contains(anna);

    assertThat(await(store.get("C-1"))).isEmpty();
    assertThat(await(store.findByIdentity(Identity.email("anna@example.com")))).isEmpty();
    assertThat(await(store.erase("C-1"))).isEmpty();
    assertThat(await(store.count())).isZero();
    assertThat(await(store.put(profile("C-9", List.of("+49891234567"), List.of("anna@example.com")))).created()).isTrue();
  }

  @Test
  void profilesWithoutOptionalFieldsSurviveTheRoundTrip() {
    CustomerProfile bare = new CustomerProfile("C-bare", null, List.of(), List.of(), List.of(), null, null, null, null,
        Relationship.DIRECT);

    await(store.put(bare));

    assertThat(await(store.get("C-bare"))).contains(bare);
  }

  @Test
  void concurrentWritersClaimingOneIdentityLeaveItWithExactlyOneOfThem() {
    List<Future<CustomerStore.Saved>> writes = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      writes.add(store.put(profile("R-" + i, List.of("+49891234567"), List.of("racer" + i + "@example.com"))));
    }
    List<String> winners = new ArrayList<>();
    for (Future<CustomerStore.Saved> write : writes) {
      Optional<CustomerStore.Saved> saved = outcome(write);
      saved.ifPresent(s -> winners.add(s.profile().id()));
    }

    assertThat(winners).hasSize(1);
    assertThat(await(store.findByIdentity(Identity.phone("+49891234567")))).map(CustomerProfile::id).contains(winners.get(0));
    assertThat(await(store.count())).isEqualTo(1);
  }

  protected static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static <T> Optional<T> outcome(Future<T> future) {
    CompletableFuture<T> done = future.toCompletionStage().toCompletableFuture();
    try {
      return Optional.of(done.get(10, TimeUnit.SECONDS));
    } catch (java.util.concurrent.ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(IdentityConflictException.class);
      return Optional.empty();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  protected static Throwable failure(Future<?> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure");
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
