package io.omniroute.engine;

import io.omniroute.engine.channel.chat.ChatStore;
import io.omniroute.engine.channel.chat.MemoryChatStore;
import io.omniroute.engine.channel.chat.RedisChatStore;
import io.omniroute.engine.channel.social.SocialStores;
import io.omniroute.engine.customer.CustomerStore;
import io.omniroute.engine.customer.MemoryCustomerStore;
import io.omniroute.engine.customer.RedisCustomerStore;
import io.omniroute.engine.delivery.AgentStore;
import io.omniroute.engine.delivery.MemoryAgentStore;
import io.omniroute.engine.delivery.RedisAgentStore;
import io.omniroute.engine.queue.QueueStore;
import io.omniroute.engine.rules.MemoryRuleStore;
import io.omniroute.engine.rules.RedisRuleStore;
import io.omniroute.engine.rules.RuleStore;
import io.omniroute.engine.stream.EventStreams;
import io.omniroute.engine.stream.MemoryEventStreams;
import io.omniroute.engine.stream.RedisEventStreams;
import io.omniroute.engine.queue.memory.MemoryQueueStore;
import io.omniroute.engine.queue.redis.RedisQueueStore;
import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.webhook.MemoryWebhookStore;
import io.omniroute.engine.webhook.RedisWebhookStore;
import io.omniroute.engine.webhook.WebhookStore;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Which store an engine keeps its contacts in, and how to reach it. Immutable; built by {@link
 * Main} from {@code --store}, {@code --redis-url} and {@code --redis-timeout} (or {@code
 * OMNIROUTE_STORE}, {@code REDIS_URL}, {@code OMNIROUTE_REDIS_TIMEOUT}).
 *
 * @param kind {@code memory} (the default: nothing else needed, lost on exit) or {@code redis}
 * @param redisUrl a {@code redis://}, {@code rediss://}, {@code redis-sentinel://} or {@code
 *     redis-cluster://host:port,host:port} URL
 * @param redisTimeout how long a Redis command may take before the request fails with {@code 503}
 * @param retention how long a finished contact and its idempotency key are kept
 */
public record StoreOptions(Kind kind, String redisUrl, Duration redisTimeout, Duration retention) {
  public static final String DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";
  public static final Duration DEFAULT_REDIS_TIMEOUT = Duration.ofSeconds(1);

  /** The kinds of store. */
  public enum Kind {
    MEMORY,
    REDIS;

    static Kind parse(String text) {
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("store must be memory or redis, got '" + text + "'");
      }
    }
  }

  public StoreOptions {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(redisUrl, "redisUrl");
    if (redisTimeout.isZero() || redisTimeout.isNegative()) {
      throw new IllegalArgumentException("the Redis timeout must be positive, got " + redisTimeout.toMillis() + " ms");
    }
  }

  /** The memory store with the default retention. */
  public static StoreOptions memory() {
    return new StoreOptions(Kind.MEMORY, DEFAULT_REDIS_URL, DEFAULT_REDIS_TIMEOUT, MemoryQueueStore.DEFAULT_RETENTION);
  }

  /** Redis at {@code url} with the default timeout and retention. */
  public static StoreOptions redis(String url) {
    return new StoreOptions(Kind.REDIS, url, DEFAULT_REDIS_TIMEOUT, MemoryQueueStore.DEFAULT_RETENTION);
  }

  public StoreOptions withRedisTimeout(Duration timeout) {
    return new StoreOptions(kind, redisUrl, timeout, retention);
  }

  /**
   * Opens the stores; for Redis this connects (the event streams on a connection of their own),
   * and fails when Redis cannot be reached.
   */
  public Stores open() {
    return switch (kind) {
      case MEMORY -> Stores.inMemory(new MemoryQueueStore(retention));
      case REDIS -> {
        RedisConnection connection = RedisConnection.open(redisUrl, redisTimeout);
        RedisEventStreams events = null;
        try {
          events = RedisEventStreams.open(redisUrl, redisTimeout, RedisConnection.DEFAULT_NAMESPACE);
          yield new Stores(RedisQueueStore.open(connection, retention),
              new RedisRuleStore(connection, RedisConnection.DEFAULT_NAMESPACE),
              RedisCustomerStore.open(connection, RedisConnection.DEFAULT_NAMESPACE),
              RedisAgentStore.open(connection, RedisConnection.DEFAULT_NAMESPACE),
              RedisWebhookStore.open(connection, RedisConnection.DEFAULT_NAMESPACE), events,
              RedisChatStore.open(connection, RedisConnection.DEFAULT_NAMESPACE),
              SocialStores.redis(connection, RedisConnection.DEFAULT_NAMESPACE));
        } catch (RuntimeException e) {
          if (events != null) {
            events.close();
          }
          connection.close();
          throw e;
        }
      }
    };
  }

  /**
   * The stores of one engine; the event streams, the chat sessions, the social media stores, the
   * webhook store, the agent store, the customer store and the rule store close before the queue store.
   */
  public record Stores(
      QueueStore queues, RuleStore rules, CustomerStore customers, AgentStore agents, WebhookStore webhooks,
      EventStreams events, ChatStore chats, SocialStores social) {
    /** These stores with chat sessions and the social media stores kept in memory. */
    public Stores(
        QueueStore queues, RuleStore rules, CustomerStore customers, AgentStore agents, WebhookStore webhooks,
        EventStreams events) {
      this(queues, rules, customers, agents, webhooks, events, new MemoryChatStore(), SocialStores.inMemory());
    }

    /** These stores with {@code newChats} as the chat sessions. */
    public Stores withChats(ChatStore newChats) {
      return new Stores(queues, rules, customers, agents, webhooks, events, newChats, social);
    }

    /** These stores with {@code newSocial} as the social media stores. */
    public Stores withSocial(SocialStores newSocial) {
      return new Stores(queues, rules, customers, agents, webhooks, events, chats, newSocial);
    }

    /** These stores with webhooks and event streams kept in memory. */
    public Stores(QueueStore queues, RuleStore rules, CustomerStore customers, AgentStore agents) {
      this(queues, rules, customers, agents, new MemoryWebhookStore(), new MemoryEventStreams());
    }

    /** These stores with event streams kept in memory. */
    public Stores(QueueStore queues, RuleStore rules, CustomerStore customers, AgentStore agents, WebhookStore webhooks) {
      this(queues, rules, customers, agents, webhooks, new MemoryEventStreams());
    }

    /** These stores with webhooks kept in memory. */
    public Stores(QueueStore queues, RuleStore rules, CustomerStore customers, AgentStore agents, EventStreams events) {
      this(queues, rules, customers, agents, new MemoryWebhookStore(), events);
    }

    /** Rules, customers, agents, webhooks and event streams in memory beside the given queue store. */
    public static Stores inMemory(QueueStore queues) {
      return new Stores(queues, new MemoryRuleStore(), new MemoryCustomerStore(), new MemoryAgentStore(),
          new MemoryWebhookStore(), new MemoryEventStreams(), new MemoryChatStore(),
          SocialStores.inMemory());
    }
  }

  /** How the start-up line names the store. */
  public String describe() {
    return kind == Kind.MEMORY ? "memory" : "redis " + redisUrl.replaceAll("//[^@/]*@", "//***@");
  }
}
