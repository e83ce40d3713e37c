package io.omniroute.loadtest.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omniroute.engine.Caller;
import io.omniroute.engine.contact.ContactEvents;
import io.omniroute.engine.contact.ContactService;
import io.omniroute.engine.contact.SenderIdentification;
import io.omniroute.engine.queue.memory.MemoryQueueStore;
import io.omniroute.engine.rules.RecentContacts;
import io.omniroute.rules.RuleBook;
import io.omniroute.rules.RuleSet;
import io.omniroute.rules.ServiceLevels;
import io.omniroute.rules.directory.DirectoryLoader;
import io.omniroute.engine.queue.redis.RedisQueueStore;
import io.omniroute.engine.redis.RedisConnection;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the memory a waiting contact taken in through the whole intake costs: the contact with
 * its queue entries and its conversation with the first message, for {@code N} chat contacts
 * (about 60 characters of text each, as the load generator sends). In the memory store: the live
 * heap after full collections, before and after, divided by {@code N}. With a Redis URL as the
 * second argument, in that Redis (an empty one): its {@code used_memory}, before and after,
 * divided by {@code N}.
 *
 * <p>Run: {@code java -Xmx2g -cp loadtest/target/omniroute-benchmarks.jar
 * io.omniroute.loadtest.bench.ContactFootprint 500000 [redis://127.0.0.1:6379]}.
 */
public final class ContactFootprint {
  private static final Caller ADAPTER = Caller.unrestricted("adapter");

  private ContactFootprint() {}

  public static void main(String[] args) {
    int contacts = args.length == 0 ? 500_000 : Integer.parseInt(args[0]);
    if (args.length > 1) {
      System.out.printf("%,d waiting chat contacts: %.0f bytes of Redis memory each, conversation included%n",
          contacts, redisBytesPerContact(contacts, args[1]));
    } else {
      System.out.printf("%,d waiting chat contacts: %.0f bytes of heap each, conversation included%n",
          contacts, bytesPerContact(contacts));
    }
  }

  /** The Redis memory per waiting contact and its conversation, in bytes. */
  static double redisBytesPerContact(int contacts, String redisUrl) {
    RedisConnection connection = RedisConnection.open(redisUrl, Duration.ofSeconds(10));
    try (RedisQueueStore store = RedisQueueStore.open(connection, Duration.ofHours(1))) {
      ContactService intake = intake(store);
      ObjectMapper json = new ObjectMapper();
      long before = usedMemory(connection);
      List<Future<?>> batch = new ArrayList<>();
      for (int i = 0; i < contacts; i++) {
        batch.add(intake.submit(chat(json, i), ADAPTER, null));
        if (batch.size() == 500) {
          awaitAll(batch);
        }
      }
      awaitAll(batch);
      return (double) (usedMemory(connection) - before) / contacts;
    }
  }

  private static void awaitAll(List<Future<?>> batch) {
    for (Future<?> accepted : batch) {
      try {
        accepted.toCompletionStage().toCompletableFuture().get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("a contact was not stored", e.getCause());
      }
    }
    batch.clear();
  }

  private static long usedMemory(RedisConnection connection) {
    try {
      String info = connection.commands().info("memory").toCompletableFuture().get();
      Matcher used = Pattern.compile("^used_memory:(\\d+)", Pattern.MULTILINE).matcher(info);
      if (!used.find()) {
        throw new IllegalStateException("INFO memory has no used_memory");
      }
      return Long.parseLong(used.group(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("INFO memory failed", e.getCause());
    }
  }

  private static ContactService intake(io.omniroute.engine.queue.QueueStore store) {
    RuleBook rules = RuleBook.of(RuleSet.defaultPolicy());
    return new ContactService(store, () -> rules, new RecentContacts(RecentContacts.DEFAULT_CAPACITY),
        DirectoryLoader.bundledSample(), ServiceLevels.defaults(), new ContactEvents(), SenderIdentification.NONE,
        Clock.systemUTC());
  }

  /** The live heap per waiting contact and its conversation, in bytes. */
  static double bytesPerContact(int contacts) {
    ContactService intake = intake(new MemoryQueueStore());
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < RecentContacts.DEFAULT_CAPACITY; i++) {
      intake.submit(chat(json, i), ADAPTER, null);
    }
    long before = LiveHeap.bytes();
    for (int i = 0; i < contacts; i++) {
      intake.submit(chat(json, i), ADAPTER, null);
    }
    long after = LiveHeap.bytes();
    long stored = intake.queues().result().values().stream().mapToLong(stats -> stats.depth()).sum();
    if (stored != contacts + RecentContacts.DEFAULT_CAPACITY) {
      throw new IllegalStateException("the store holds " + stored + " waiting contacts");
    }
    return (double) (after - before) / contacts;
  }

  private static ObjectNode chat(ObjectMapper json, int n) {
    return json.createObjectNode().put("channel", "chat").put("country", "DE")
        .put("text", "Do you have the estate in blue with a tow bar? Question " + n);
  }
}
