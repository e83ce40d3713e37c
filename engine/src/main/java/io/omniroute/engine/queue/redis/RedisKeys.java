package io.omniroute.engine.queue.redis;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * Where the Redis store puts things. Contacts are spread over {@code partitions} partitions; every
 * key of a partition carries the hash tag {@code {NS:N}} (namespace {@code NS}, default {@value
 * io.omniroute.engine.redis.RedisConnection#DEFAULT_NAMESPACE}), so in Redis Cluster a partition lives in one slot and every script touches
 * one slot only:
 *
 * <pre>
 * {NS:N}:contact:ID       hash: json, status, queue, member, agent, claimedAt, key, erasures
 * {NS:N}:queue:QUEUE      sorted set, serve order (priority, then arrival, then accept order)
 * {NS:N}:arrival:QUEUE    sorted set, arrival order (oldest wait)
 * {NS:N}:due              sorted set of contact ids by escalation deadline
 * {NS:N}:key:KEY          the contact id of an idempotency key
 * {NS:N}:queues           set of the queue names used in the partition
 * {NS:N}:seq              accept counter, for the accept order of equal arrivals
 * {NS:N}:customer:CID     set of the ids of customer CID's contacts, for erasure (30 days after the last)
 * </pre>
 *
 * A contact lives in the partition of its idempotency key, and the id of a new contact is chosen
 * ({@link #newContactId}) so that it hashes to that partition: the contact, its queue entries and
 * its key are written in one script. Immutable and thread-safe.
 */
final class RedisKeys {

  private final String namespace;
  private final int partitions;

  RedisKeys(String namespace, int partitions) {
    if (namespace.isEmpty() || namespace.contains("{") || namespace.contains("}")) {
      throw new IllegalArgumentException("the Redis namespace must be non-empty text without braces, is '" + namespace + "'");
    }
    this.namespace = namespace;
    if (partitions < 1 || partitions > 1024) {
      throw new IllegalArgumentException("partitions must be between 1 and 1024, is " + partitions);
    }
    this.partitions = partitions;
  }

  int partitions() {
    return partitions;
  }

  /** The key prefix of partition {@code p}, with its hash tag: {@code {NS:p}:}. */
  String prefix(int p) {
    return "{" + namespace + ":" + p + "}:";
  }

  int partitionOfContact(String id) {
    return hash(id);
  }

  int partitionOfKey(String idempotencyKey) {
    return hash(idempotencyKey);
  }

  String contact(int p, String id) {
    return prefix(p) + "contact:" + id;
  }

  String queue(int p, String queue) {
    return prefix(p) + "queue:" + queue;
  }

  String arrival(int p, String queue) {
    return prefix(p) + "arrival:" + queue;
  }

  String due(int p) {
    return prefix(p) + "due";
  }

  String idempotencyKey(int p, String key) {
    return prefix(p) + "key:" + key;
  }

  String queues(int p) {
    return prefix(p) + "queues";
  }

  String sequence(int p) {
    return prefix(p) + "seq";
  }

  /**
   * A random UUID that lives in the partition of {@code idempotencyKey} (any partition when it is
   * {@code null}); about {@code partitions} tries on average.
   */
  String newContactId(String idempotencyKey) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int wanted = idempotencyKey == null ? -1 : hash(idempotencyKey);
    while (true) {
      String id = new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
          .toString();
      if (wanted < 0 || hash(id) == wanted) {
        return id;
      }
    }
  }

  private int hash(String value) {
    if (partitions == 1) {
      return 0;
    }
    CRC32 crc = new CRC32();
    crc.update(value.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % partitions);
  }
}
