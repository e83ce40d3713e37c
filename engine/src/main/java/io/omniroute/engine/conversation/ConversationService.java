package io.omniroute.engine.conversation;

import io.omniroute.engine.Caller;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.ConversationRecord;
import io.omniroute.engine.queue.Message;
import io.omniroute.engine.queue.QueueStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads conversations and records agents' answers in them. Contacts join, reopen and leave
 * conversations through the contact lifecycle ({@link io.omniroute.engine.contact.ContactService});
 * this service adds what is not a contact: the view across channels and the outbound messages.
 *
 * <p>A caller that may act only on its own dealers' or countries' work ({@link Caller}) sees a
 * conversation that waits or was last answered in its dealer queue, or one of whose contacts it
 * may act on; any other is answered {@link ConversationNotFoundException}, exactly as an unknown id.
 *
 * <p>Thread-safe and shared by all verticles; holds no resources of its own.
 */
public final class ConversationService {
  /** How many conversations a customer's view lists. */
  public static final int RECENT_CONVERSATIONS = 20;

  private static final Logger LOG = LoggerFactory.getLogger(ConversationService.class);

  private final QueueStore store;
  private final Clock clock;
  private final Outbound outbound;

  public ConversationService(QueueStore store, Clock clock) {
    this(store, clock, Outbound.NONE);
  }

  /** @param outbound carries each stored answer to the customer over its channel */
  public ConversationService(QueueStore store, Clock clock, Outbound outbound) {
    this.store = store;
    this.clock = clock;
    this.outbound = outbound;
  }

  /** The conversation {@code id} with its messages and history. */
  public Future<ConversationRecord> conversation(String id, Caller caller) {
    return store.conversation(id).compose(found -> found.isPresent() && maySee(caller, found.get())
        ? Future.succeededFuture(found.get())
        : Future.failedFuture(new ConversationNotFoundException(id)));
  }

  /**
   * Records {@code agent}'s answer in the conversation, on the channel of its latest inbound
   * message, then hands it to that channel's {@link Outbound}; answers the conversation after it.
   * The answer stays stored when sending fails (the failure is logged).
   */
  public Future<ConversationRecord> answer(String id, String agent, String text, Caller caller) {
    return conversation(id, caller).compose(conversation -> {
      Message answer = Message.outbound(clock.instant(), replyChannel(conversation), agent, text);
      return store.addMessage(id, answer)
          .compose(added -> added.map(Future::succeededFuture)
              .orElseGet(() -> Future.failedFuture(new ConversationNotFoundException(id))))
          .compose(stored -> outbound.send(stored, answer)
              .otherwise(failure -> {
                LOG.warn("the answer to conversation {} is stored but was not sent over {}: {}",
                    id, answer.channel(), failure.toString());
                return null;
              })
              .map(stored));
    });
  }

  /** The customer's most recently active conversations, up to {@value #RECENT_CONVERSATIONS}. */
  public Future<List<ConversationRecord>> ofCustomer(String customerId) {
    return store.conversationsOf(customerId, RECENT_CONVERSATIONS);
  }

  private static boolean maySee(Caller caller, ConversationRecord conversation) {
    if (caller.unrestricted() || caller.mayActOnContactIn(conversation.state().queue())) {
      return true;
    }
    for (ContactRecord contact : conversation.contacts()) {
      if (caller.mayActOnContactIn(contact.route().queue())
          || caller.mayActOnCustomer(contact.country(), contact.customer().ownerDealerId())) {
        return true;
      }
    }
    return false;
  }

  private static String replyChannel(ConversationRecord conversation) {
    List<Message> messages = conversation.messages();
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).direction() == Message.Direction.INBOUND) {
        return messages.get(i).channel();
      }
    }
    return messages.isEmpty() ? null : messages.get(messages.size() - 1).channel();
  }
}
