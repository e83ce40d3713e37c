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
 * {NS:N}:contact:ID                 hash: json, status, queue, member, agent, claimedAt, offer, key, erasures,
 *                                   transfers, conversation
 * {NS:N}:queue:QUEUE                sorted set, serve order (priority, then arrival, then accept order)
 * {NS:N}:arrival:QUEUE              sorted set, arrival order (oldest wait)
 * {NS:N}:due                        sorted set of contact ids by escalation deadline
 * {NS:N}:key:KEY                    the contact id of an idempotency key
 * {NS:N}:queues                     set of the queue names used in the partition
 * {NS:N}:seq                        accept counter, for the accept order of equal arrivals
 * {NS:N}:customer:CID               set of the ids of customer CID's contacts, for erasure (30 days after the last)
 * {NS:N}:conversation:ID            hash: customer, version, urgency, open, lastQueue, lastAgent, startedAt,
 *                                   lastActivityAt
 * {NS:N}:conversation:ID:messages   list of the conversation's messages as JSON, oldest first
 * {NS:N}:conversation:ID:threads    set of the thread keys that lead to the conversation, each as the
 *                                   JSON array [key, scope]
 * {NS:N}:thread:KEY                 hash: scope -> id of the conversation the thread key KEY leads to there
 * {NS:N}:conversations:CID          sorted set of customer CID's conversation ids by last activity (milliseconds)
 * </pre>
 *
 * <p>A contact lives in the partition of its id ({@link #partitionOfContact}), and so do its queue
 * entries and its idempotency key; its id comes from {@link #newContactId} with an anchor that a
 * repeated request has too (its idempotency key, or the conversation it follows up), so a repeat
 * looks for the key where the first request stored it. A conversation is named after the contact that opened it, so it
 * lives in that contact's partition; a follow-up gets an id in the same partition ({@link
 * #newContactId} with the conversation's id), so a contact and the conversation it joins or reopens
 * change in one script. A customer's conversations and a thread key are indexed in each partition
 * where they have a conversation, so reading them by customer or by thread key asks every partition.
 *
 * <p>A contact's fields {@code agent} and {@code claimedAt} record a claim that its JSON does not
 * hold yet; {@code erasures} (erasures and added history entries) and {@code transfers} count the
 * changes that a compare-and-set of a finish must notice. A conversation's {@code version} changes with every change of it or of its
 * {@code open} contact (the one that opened or reopened it last). An open conversation's keys never
 * expire; a closed one's expire after the conversation retention, counted from its last activity.
 * A customer's index of conversations and a thread key expire after the longer of 30 days and
 * that retention, counted from the last activity of one of their conversations; an entry of them
 * whose conversation is gone is ignored. Immutable and thread-safe.
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

  String conversation(int p, String id) {
    return prefix(p) + "conversation:" + id;
  }

  String thread(int p, String key) {
    return prefix(p) + "thread:" + key;
  }

  String conversationsOf(int p, String customerId) {
    return prefix(p) + "conversations:" + customerId;
  }

  String queues(int p) {
    return prefix(p) + "queues";
  }

  String sequence(int p) {
    return prefix(p) + "seq";
  }

  /**
   * A random UUID that lives in the partition of {@code anchor} (any partition when it is {@code
   * null}): an idempotency key, so that a repeated request finds the first contact's key; a
   * conversation's id, so that a follow-up lives with its conversation; or a thread key, so that a
   * contact opening a conversation with it meets a rival in the same script. About {@code
   * partitions} tries on average.
   */
  String newContactId(String anchor) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int wanted = anchor == null ? -1 : hash(anchor);
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
