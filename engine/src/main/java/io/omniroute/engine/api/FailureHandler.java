package io.omniroute.engine.api;

import io.omniroute.adapters.InvalidPayloadException;
import io.omniroute.adapters.email.MailTooLargeException;
import io.omniroute.engine.http.HttpProtocolErrors;
import io.omniroute.engine.http.Problem;
import io.netty.handler.codec.DecoderException;
import io.omniroute.engine.EngineException;
import io.netty.handler.codec.TooLongFrameException;
import io.omniroute.engine.channel.social.InvalidPartnerChannelException;
import io.omniroute.engine.channel.social.PartnerChannelNotFoundException;
import io.omniroute.engine.channel.social.PartnerChannelOutOfScopeException;
import io.omniroute.engine.channel.social.PartnerPageTakenException;
import io.omniroute.engine.channel.social.UnknownPartnerDealerException;
import io.omniroute.engine.contact.ConversationOfAnotherCustomerException;
import io.omniroute.engine.contact.IdempotencyKeyReusedException;
import io.omniroute.engine.contact.UnknownConversationException;
import io.omniroute.engine.conversation.ConversationNotFoundException;
import io.omniroute.engine.queue.ConversationChangedException;
import io.omniroute.engine.contact.UnknownQueueException;
import io.omniroute.engine.customer.CustomerNotFoundException;
import io.omniroute.engine.customer.CustomerOutOfScopeException;
import io.omniroute.engine.customer.IdentityConflictException;
import io.omniroute.engine.customer.InvalidCustomerException;
import io.omniroute.engine.customer.UnknownOwnerDealerException;
import io.omniroute.engine.delivery.AgentNotFoundException;
import io.omniroute.engine.delivery.AgentOutOfScopeException;
import io.omniroute.engine.delivery.OfferNotFoundException;
import io.omniroute.engine.delivery.InvalidAgentException;
import io.omniroute.engine.delivery.UnknownAgentQueueException;
import io.omniroute.engine.queue.ContactNotFoundException;
import io.omniroute.engine.queue.ContactStatus;
import io.omniroute.engine.queue.IllegalTransitionException;
import io.omniroute.engine.StoreUnavailableException;
import io.omniroute.engine.rules.RuleVersionNotFoundException;
import io.omniroute.engine.rules.RuleWorkBusyException;
import io.omniroute.engine.rules.RuleWorkTimeoutException;
import io.omniroute.engine.webhook.InvalidWebhookException;
import io.omniroute.engine.webhook.WebhookNotFoundException;
import io.omniroute.engine.webhook.WebhookOutOfScopeException;
import io.omniroute.engine.webhook.WebhookRefusedException;
import io.omniroute.rules.RuleCompilationException;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into a problem+json answer: store failures map to 404 and 409, rule texts
 * that do not compile to 422 with each problem's line and column, routing
 * failures to 404, 405 and 413, and nothing a client sends produces a 5xx. Request validation
 * answers its own problems ({@link ContractValidation}). Thread-safe: the only state is the rate
 * limit on store-unavailable warnings, so an outage logs a line every few seconds, not one per request.
 */
final class FailureHandler {
  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);
  private static final String RETRY_AFTER_SECONDS = "1";
  private static final String RULE_WORK_RETRY_AFTER_SECONDS = "5";
  private static final long UNAVAILABLE_WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);
  private static final AtomicLong lastUnavailableWarning = new AtomicLong(System.nanoTime() - UNAVAILABLE_WARNING_INTERVAL_NANOS);
  private static final AtomicLong unavailableSinceWarning = new AtomicLong();

  private FailureHandler() {}

  static void handle(RoutingContext ctx) {
    Throwable failure = unwrap(ctx.failure());
    int status = ctx.statusCode();
    if (failure instanceof InvalidPayloadException e) {
      JsonArray errors = new JsonArray();
      e.problems().forEach(problem -> errors.add(new io.vertx.core.json.JsonObject().put("message", problem)));
      Problem.send(ctx, 400, "Payload cannot become a contact", "Fix " + (e.problems().size() == 1 ? "this: " : "these: ")
          + e.getMessage() + ". Nothing was stored.", errors);
    } else if (failure instanceof MailTooLargeException e) {
      Problem.send(ctx, 413, "Message too large", "The message has " + e.size() + " bytes; the email channel takes at most "
          + e.limit() + " (email.maxMessageBytes): send large files as links. Nothing was stored.");
    } else if (failure instanceof ContactNotFoundException e) {
      Problem.send(ctx, 404, "Contact not found", capitalise(e.getMessage()) + ": check the id returned by POST /v1/contacts.");
    } else if (failure instanceof UnknownQueueException e) {
      Problem.send(ctx, 404, "Queue not found", "No queue named '" + e.queue() + "': use central, country:<CC>,"
          + " expert:<team> or dealer:<id> as listed by GET /v1/queues.");
    } else if (failure instanceof CustomerNotFoundException e) {
      Problem.send(ctx, 404, "Customer not found", capitalise(e.getMessage())
          + ": check the id or identity, or create the profile with PUT /v1/customers/{customerId}.");
    } else if (failure instanceof InvalidCustomerException e) {
      JsonArray errors = new JsonArray();
      e.errors().forEach(error -> errors.add(Problem.fieldError(error.field(), error.message())));
      Problem.send(ctx, 400, "Invalid customer profile", "Fix " + (e.errors().size() == 1 ? "this field: " : "these fields: ")
          + e.getMessage() + ".", errors);
    } else if (failure instanceof UnknownOwnerDealerException e) {
      Problem.send(ctx, 422, "Unknown owner dealer", "ownerDealerId '" + e.dealerId() + "' is not a dealer of the"
          + " directory: use a dealer id such as the dealerId of GET /v1/queues' dealer:<id> queues. Nothing was stored.");
    } else if (failure instanceof IdentityConflictException e) {
      Problem.send(ctx, 409, "Identity belongs to another customer", capitalise(e.getMessage()) + ". An identity belongs"
          + " to one customer: remove it from that profile first, or leave it out of this one. Nothing was stored.");
    } else if (failure instanceof CustomerOutOfScopeException e) {
      Problem.send(ctx, 403, "Forbidden", capitalise(e.getMessage()) + ". Nothing was stored.");
    } else if (failure instanceof AgentNotFoundException e) {
      Problem.send(ctx, 404, "Agent not found", capitalise(e.getMessage())
          + ": check the id, or register the agent with PUT /v1/agents/{agentId}.");
    } else if (failure instanceof InvalidAgentException e) {
      JsonArray errors = new JsonArray();
      e.errors().forEach(error -> errors.add(Problem.fieldError(error.field(), error.message())));
      Problem.send(ctx, 400, "Invalid agent", "Fix " + (e.errors().size() == 1 ? "this field: " : "these fields: ")
          + e.getMessage() + ".", errors);
    } else if (failure instanceof UnknownAgentQueueException e) {
      JsonArray errors = new JsonArray();
      e.errors().forEach(error -> errors.add(Problem.fieldError(error.field(), error.message())));
      Problem.send(ctx, 422, "Unknown queue", capitalise(e.getMessage()) + ": use central, country:<CC>,"
          + " expert:<team> or dealer:<id> as listed by GET /v1/queues. Nothing was stored.", errors);
    } else if (failure instanceof OfferNotFoundException e) {
      Problem.send(ctx, 404, "Offer not found", capitalise(e.getMessage())
          + ". See the agent's open offers with GET /v1/agents/{agentId}; a contact whose offer ended is offered"
          + " again or can be claimed.");
    } else if (failure instanceof AgentOutOfScopeException e) {
      Problem.send(ctx, 403, "Forbidden", capitalise(e.getMessage()) + ". Nothing was stored.");
    } else if (failure instanceof WebhookNotFoundException e) {
      Problem.send(ctx, 404, "Webhook not found", capitalise(e.getMessage())
          + ": check the id (GET /v1/webhooks lists yours), or register it with PUT /v1/webhooks/{webhookId}.");
    } else if (failure instanceof InvalidWebhookException e) {
      JsonArray errors = new JsonArray();
      e.errors().forEach(error -> errors.add(Problem.fieldError(error.field(), error.message())));
      Problem.send(ctx, 400, "Invalid webhook", "Fix " + (e.errors().size() == 1 ? "this field: " : "these fields: ")
          + e.getMessage() + ".", errors);
    } else if (failure instanceof WebhookRefusedException e) {
      JsonArray errors = new JsonArray();
      e.errors().forEach(error -> errors.add(Problem.fieldError(error.field(), error.message())));
      Problem.send(ctx, 422, "Webhook refused", "Fix " + (e.errors().size() == 1 ? "this field: " : "these fields: ")
          + e.getMessage() + ". Nothing was stored.", errors);
    } else if (failure instanceof WebhookOutOfScopeException e) {
      Problem.send(ctx, 403, "Forbidden", capitalise(e.getMessage()) + ". Nothing was stored.");
    } else if (failure instanceof PartnerChannelNotFoundException e) {
      Problem.send(ctx, 404, "Partner channel not found", capitalise(e.getMessage())
          + ": check the id (GET /v1/partner-channels lists yours), or register it with PUT /v1/partner-channels/{id}.");
    } else if (failure instanceof InvalidPartnerChannelException e) {
      JsonArray errors = new JsonArray();
      e.errors().forEach(error -> errors.add(Problem.fieldError(error.field(), error.message())));
      Problem.send(ctx, 400, "Invalid partner channel", "Fix " + (e.errors().size() == 1 ? "this field: " : "these fields: ")
          + e.getMessage() + ". Nothing was stored.", errors);
    } else if (failure instanceof UnknownPartnerDealerException e) {
      Problem.send(ctx, 422, "Unknown dealer", "dealerId '" + e.dealerId() + "' is not a dealer of the directory: use"
          + " a dealer id such as the dealerId of GET /v1/queues' dealer:<id> queues. Nothing was stored.");
    } else if (failure instanceof PartnerPageTakenException e) {
      Problem.send(ctx, 409, "Page already registered", capitalise(e.getMessage()) + ". A page belongs to one partner"
          + " channel: change or delete partner channel " + e.ownerId() + " first. Nothing was stored.");
    } else if (failure instanceof PartnerChannelOutOfScopeException e) {
      Problem.send(ctx, 403, "Forbidden", capitalise(e.getMessage()) + ". Nothing was stored.");
    } else if (failure instanceof IdempotencyKeyReusedException e) {
      Problem.send(ctx, 422, "Idempotency key reused", "This Idempotency-Key was already used by this caller with a"
          + " different body (for contact " + e.firstContactId() + "); nothing was stored. Use a new key for a new"
          + " contact, or resend the first body unchanged to get its answer again.");
    } else if (failure instanceof UnknownConversationException e) {
      Problem.send(ctx, 422, "Unknown conversation", "conversationId '" + e.conversationId() + "' names no"
          + " conversation (closed conversations are kept for a limited time): leave conversationId out to start a new"
          + " conversation, or use the conversationId of an earlier answer. Nothing was stored.");
    } else if (failure instanceof ConversationOfAnotherCustomerException e) {
      Problem.send(ctx, 409, "Conversation of another customer", "Conversation " + e.conversationId() + " belongs to"
          + " another customer than the one this contact comes from: leave conversationId out, or send the contact with"
          + " the identity of that conversation's customer. Nothing was stored.");
    } else if (failure instanceof ConversationNotFoundException e) {
      Problem.send(ctx, 404, "Conversation not found", capitalise(e.getMessage())
          + ": use the conversationId of a contact's answer (POST /v1/contacts or GET /v1/contacts/{id}).");
    } else if (failure instanceof ConversationChangedException e) {
      ctx.response().putHeader("Retry-After", RETRY_AFTER_SECONDS);
      Problem.send(ctx, 503, "Conversation busy", capitalise(e.getMessage()) + " (with the same Idempotency-Key);"
          + " nothing was stored.");
    } else if (failure instanceof IllegalTransitionException e) {
      Problem.send(ctx, 409, "Illegal status change", capitalise(e.getMessage()) + ": " + hint(e) + ".");
    } else if (failure instanceof RuleVersionNotFoundException e) {
      Problem.send(ctx, 404, "Rule version not found", capitalise(e.getMessage()) + ".");
    } else if (failure instanceof RuleCompilationException e) {
      JsonArray errors = new JsonArray();
      e.problems().forEach(problem -> errors.add(Problem.fieldError("/text", problem.message())
          .put("line", problem.line()).put("column", problem.column())));
      Problem.send(ctx, 422, "Rules do not compile",
          "The rule text has " + e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems")
              + " (listed in errors with line and column); fix them, check with POST /v1/rules/{scope}/validate,"
              + " and send it again. Nothing was saved or activated.", errors);
    } else if (failure instanceof RuleWorkTimeoutException e) {
      Problem.send(ctx, 422, "Rule text takes too long", "Checking this rule text took longer than "
          + e.budget().toSeconds() + " s, the budget for one text; nothing was saved. Split it, or remove rules,"
          + " and send it again.");
    } else if (failure instanceof RuleWorkBusyException) {
      ctx.response().putHeader("Retry-After", RULE_WORK_RETRY_AFTER_SECONDS);
      Problem.send(ctx, 503, "Busy checking rules", "The engine is checking as many rule texts as it takes at once;"
          + " nothing was saved. Retry in " + RULE_WORK_RETRY_AFTER_SECONDS + " s.");
    } else if (failure instanceof StoreUnavailableException e) {
      warnUnavailable(ctx, e);
      ctx.response().putHeader("Retry-After", RETRY_AFTER_SECONDS);
      Problem.send(ctx, 503, "Store unavailable",
          "The engine cannot reach its store right now; nothing was lost. Retry in " + RETRY_AFTER_SECONDS
              + " s with the same Idempotency-Key.");
    } else if (isMalformedHttp(failure)) {
      HttpProtocolErrors.malformedBody(ctx.request(), failure);
    } else if (status >= 400 && status < 500) {
      clientError(ctx, status);
    } else {
      LOG.error("unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
      Problem.send(ctx, 500, "Internal error", "The engine failed to handle this request; the failure was logged.");
    }
  }

  /** Logs the first store failure and then at most one line per interval, with the count in between. */
  private static void warnUnavailable(RoutingContext ctx, StoreUnavailableException e) {
    long now = System.nanoTime();
    long last = lastUnavailableWarning.get();
    if (now - last < UNAVAILABLE_WARNING_INTERVAL_NANOS || !lastUnavailableWarning.compareAndSet(last, now)) {
      unavailableSinceWarning.incrementAndGet();
      return;
    }
    LOG.warn("store unavailable on {} {}: {} ({} more such answers since the last warning)",
        ctx.request().method(), ctx.request().path(), e.getMessage(), unavailableSinceWarning.getAndSet(0));
  }

  /** Answers a 4xx that came without an exception of ours: unknown path, wrong method, body too large. */
  static void clientError(RoutingContext ctx, int status) {
    switch (status) {
      case 404 -> Problem.send(ctx, 404, "Not found",
          "No endpoint at " + ctx.request().path() + ": see /openapi.yaml for the API.");
      case 405 -> Problem.send(ctx, 405, "Method not allowed",
          ctx.request().method() + " is not supported on " + ctx.request().path() + ": see /openapi.yaml.");
      case 413 -> Problem.send(ctx, 413, "Body too large", ctx.request().path().startsWith("/v1/channels/email/")
          ? "The message exceeds the email channel's limit (email.maxMessageBytes, 10 MiB unless configured otherwise):"
              + " send large files as links. Nothing was stored." :
          "The request body exceeds this endpoint's limit (" + ApiRouter.BODY_LIMIT_BYTES / 1024 + " KiB; "
              + ApiRouter.RULES_BODY_LIMIT_BYTES / 1024 / 1024 + " MiB for rule texts): shorten it.");
      case 415 -> Problem.send(ctx, 415, "Unsupported media type", "Send the body as Content-Type: application/json.");
      default -> {
        LOG.debug("client error {} on {}", status, ctx.request().path(), ctx.failure());
        Problem.send(ctx, status, "Bad request",
            ctx.failure() == null ? "The request was rejected." : String.valueOf(ctx.failure().getMessage()));
      }
    }
  }

  /** Whether Netty's HTTP decoder refused what the client sent after the headers (such as a chunk size). */
  private static boolean isMalformedHttp(Throwable failure) {
    if (failure instanceof DecoderException || failure instanceof TooLongFrameException) {
      return true;
    }
    StackTraceElement[] trace = failure == null ? new StackTraceElement[0] : failure.getStackTrace();
    return trace.length > 0 && trace[0].getClassName().startsWith("io.netty.handler.codec.http.");
  }

  private static String hint(IllegalTransitionException e) {
    if (e.from() == ContactStatus.JOINED) {
      return "a JOINED follow-up is carried by its conversation's waiting or assigned contact; act on that one"
          + " (GET /v1/conversations/{conversationId} names it)";
    }
    return switch (e.to()) {
      case COMPLETED -> "only an ASSIGNED contact can be completed; claim it first";
      case ABANDONED -> "only a QUEUED or ASSIGNED contact can be abandoned";
      case QUEUED -> "only a QUEUED or ASSIGNED contact can be transferred";
      default -> "see the contact's status with GET /v1/contacts/{id}";
    };
  }

  /** The engine's own failure behind Vert.x Web's wrappers, else the failure itself. */
  private static Throwable unwrap(Throwable failure) {
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof EngineException || t instanceof RuleCompilationException) {
        return t;
      }
    }
    return failure;
  }

  private static String capitalise(String message) {
    return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
  }
}
