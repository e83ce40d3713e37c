package io.omniroute.engine.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.support.RedisForTests;
import io.omniroute.rules.model.Relationship;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Redis store passes the customer store contract against a real Redis, each test in its own
 * namespace; and two nodes, each with its own connection, writing the same customers at once leave
 * profiles and identity index consistent.
 */
class RedisCustomerStoreTest extends CustomerStoreContract {
  private static final int OPERATIONS_PER_NODE = 200;
  private static final List<String> IDS = List.of("N-0", "N-1", "N-2", "N-3", "N-4", "N-5", "N-6", "N-7");
  private static final int SHARED_IDENTITIES = 12;

  private String namespace;
  private RedisConnection connection;

  @Override
  protected CustomerStore newStore() {
    namespace = "test-" + UUID.randomUUID();
    connection = RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(2));
    return RedisCustomerStore.open(connection, namespace);
  }

  @Override
  protected void afterClose() {
    connection.close();
  }

  @Test
  void identifyPrefersTheIdThenTheFirstIdentityThatBelongsToSomebody() {
    CustomerProfile anna = profile("C-1", List.of("+49891234567"), List.of("anna@example.com"));
    CustomerProfile ben = profile("C-2", List.of("+4915112345678"), List.of("ben@example.com"));
    await(store.put(anna));
    await(store.put(ben));
    List<Identity> senders = List.of(Identity.email("nobody@example.com"), Identity.email("ben@example.com"),
        Identity.email("anna@example.com"));

    assertThat(await(store.identify("C-1", senders))).contains(anna);
    assertThat(await(store.identify("C-404", senders))).contains(ben);
    assertThat(await(store.identify(null, senders))).contains(ben);
    assertThat(await(store.identify("C-404", List.of(Identity.email("nobody@example.com"))))).isEmpty();
    assertThat(await(store.identify(null, List.of()))).isEmpty();
  }

  @Test
  void twoNodesWritingOverlappingCustomersKeepProfilesAndIndexConsistent() throws Exception {
    RedisConnection first = RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(5));
    RedisConnection second = RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(5));
    try (RedisCustomerStore nodeA = RedisCustomerStore.open(first, namespace);
        RedisCustomerStore nodeB = RedisCustomerStore.open(second, namespace)) {
      CountDownLatch start = new CountDownLatch(1);
      CompletableFuture<List<Future<?>>> writesA = CompletableFuture.supplyAsync(() -> write(nodeA, start, 1, false));
      CompletableFuture<List<Future<?>>> writesB = CompletableFuture.supplyAsync(() -> write(nodeB, start, 2, true));
      start.countDown();
      List<Future<?>> writes = new ArrayList<>(writesA.get(10, TimeUnit.SECONDS));
      writes.addAll(writesB.get(10, TimeUnit.SECONDS));

      int stored = 0;
      int conflicts = 0;
      for (Future<?> write : writes) {
        try {
          write.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
          stored++;
        } catch (ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(IdentityConflictException.class);
          conflicts++;
        }
      }
      assertThat(stored).isPositive();
      assertThat(conflicts).isPositive();
    } finally {
      first.close();
      second.close();
    }

    assertIndexConsistent();
  }

  /**
   * One node's writes, all in flight at once: {@value #OPERATIONS_PER_NODE} puts of customers from
   * {@link #IDS}, each claiming two or three identities of a shared pool (walked upwards by one node
   * and downwards by the other), and an erasure every tenth operation.
   */
  private static List<Future<?>> write(CustomerStore node, CountDownLatch start, long seed, boolean downwards) {
    Random random = new Random(seed);
    List<Future<?>> writes = new ArrayList<>();
    try {
      start.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    for (int i = 0; i < OPERATIONS_PER_NODE; i++) {
      String id = IDS.get(downwards ? IDS.size() - 1 - i % IDS.size() : i % IDS.size());
      if (i % 10 == 9) {
        writes.add(node.erase(id));
      }
      int from = downwards ? SHARED_IDENTITIES - 1 - i % SHARED_IDENTITIES : i % SHARED_IDENTITIES;
      List<String> emails = new ArrayList<>();
      List<CustomerProfile.Handle> handles = new ArrayList<>();
      for (int k = 0; k < 2 + random.nextInt(2); k++) {
        int shared = Math.floorMod(from + (downwards ? -k : k), SHARED_IDENTITIES);
        if (random.nextBoolean()) {
          emails.add("shared" + shared + "@example.com");
        } else {
          handles.add(new CustomerProfile.Handle("instagram", "shared" + shared));
        }
      }
      writes.add(node.put(new CustomerProfile(id, "Writer " + seed + " #" + i, List.of(), emails, handles, null, "DE",
          "de", null, Relationship.DIRECT)));
    }
    return writes;
  }

  /** Every identity in the index belongs to a profile that lists it, and every profile's identities point back to it. */
  private void assertIndexConsistent() throws Exception {
    String prefix = "{" + namespace + ":customers}:";
    Map<String, String> index = connection.commands().hgetall(prefix + "identities").get(5, TimeUnit.SECONDS);
    Map<String, String> owned = connection.commands().hgetall(prefix + "owned").get(5, TimeUnit.SECONDS);
    Map<String, CustomerProfile> profiles = new HashMap<>();
    for (String id : IDS) {
      await(store.get(id)).ifPresent(profile -> profiles.put(id, profile));
    }

    assertThat(profiles).isNotEmpty();
    assertThat(await(store.count())).isEqualTo(profiles.size());
    index.forEach((key, owner) -> {
      assertThat(profiles).as("owner of %s", key).containsKey(owner);
      assertThat(keysOf(profiles.get(owner))).as("identities of %s", owner).contains(key);
    });
    assertThat(owned.keySet()).isEqualTo(profiles.keySet());
    profiles.forEach((id, profile) -> {
      Set<String> keys = keysOf(profile);
      keys.forEach(key -> assertThat(index).as("index of %s", key).containsEntry(key, id));
      assertThat(owned.get(id).isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(owned.get(id).split("\n"))))
          .isEqualTo(keys);
      profile.identities().forEach(identity -> assertThat(await(store.findByIdentity(identity))).contains(profile));
    });
    assertThat(index).hasSize(profiles.values().stream().mapToInt(profile -> profile.identities().size()).sum());
  }

  private static Set<String> keysOf(CustomerProfile profile) {
    return profile.identities().stream().map(Identity::key).collect(Collectors.toSet());
  }
}
