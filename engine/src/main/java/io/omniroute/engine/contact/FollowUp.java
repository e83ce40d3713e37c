package io.omniroute.engine.contact;

import com.fasterxml.jackson.databind.JsonNode;
import io.omniroute.engine.queue.ConversationState;
import io.omniroute.engine.queue.QueueStore;
import io.omniroute.engine.queue.ThreadKey;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;

/**
 * What a contact request says about the conversation it follows up: the {@code conversationId}
 * it names, or the channel's own {@code thread.key}. Immutable.
 */
record FollowUp(String conversationId, String threadKey) {
  static final FollowUp NONE = new FollowUp(null, null);

  static FollowUp of(JsonNode body) {
    JsonNode id = body.get("conversationId");
    JsonNode key = body.path("thread").get("key");
    if (id == null && key == null) {
      return NONE;
    }
    return new FollowUp(id == null ? null : id.asText(), key == null ? null : key.asText());
  }

  /** The conversations the request may follow up, as the store has them now: one store read at most. */
  Future<Candidates> read(QueueStore store) {
    if (conversationId != null) {
      return store.conversationState(conversationId).map(found -> new Candidates(found, Map.of()));
    }
    if (threadKey != null) {
      return store.threadStates(threadKey).map(byScope -> new Candidates(Optional.empty(), byScope));
    }
    return Future.succeededFuture(Candidates.NONE);
  }

  /** The thread key in the scope of the sender: its customer, or for an unidentified sender its channel. */
  ThreadKey scoped(String customerId, String channel) {
    if (threadKey == null) {
      return null;
    }
    return customerId == null ? ThreadKey.ofChannel(threadKey, channel) : ThreadKey.ofCustomer(threadKey, customerId);
  }

  /**
   * The conversation the contact follows up, empty when it starts a new one. Fails with {@link
   * UnknownConversationException} for an unknown {@code conversationId}, and with {@link
   * ConversationOfAnotherCustomerException} when the named conversation belongs to another
   * customer than the identified sender.
   */
  Optional<ConversationState> pick(Candidates found, String customerId, String channel) {
    if (conversationId != null) {
      ConversationState named = found.named()
          .orElseThrow(() -> new UnknownConversationException(conversationId));
      if (customerId != null && named.customerId() != null && !named.customerId().equals(customerId)) {
        throw new ConversationOfAnotherCustomerException(conversationId, customerId);
      }
      return found.named();
    }
    ThreadKey scoped = scoped(customerId, channel);
    return scoped == null ? Optional.empty() : Optional.ofNullable(found.byScope().get(scoped.scope()));
  }

  /**
   * The text whose store partition the contact goes to: a follow-up lives with its conversation,
   * a new conversation with its thread key, anything else with its idempotency key.
   */
  String anchor(Optional<ConversationState> conversation, String storageKey) {
    if (conversation.isPresent()) {
      return conversation.get().id();
    }
    return threadKey != null ? threadKey : storageKey;
  }

  /** The conversations found for a request: the one it names, or those its thread key leads to by scope. */
  record Candidates(Optional<ConversationState> named, Map<String, ConversationState> byScope) {
    static final Candidates NONE = new Candidates(Optional.empty(), Map.of());
  }
}
