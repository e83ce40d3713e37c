package io.omniroute.engine.api;

import io.omniroute.engine.channel.chat.ChatChannel;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Every handler of the API and the access handlers in front of them, built once per engine and
 * shared by all verticles. Immutable.
 *
 * @param access the access handler of each operationId: answers 401 or 403 itself, or puts the
 *     request's {@link io.omniroute.engine.contact.Caller} into the context ({@link
 *     io.omniroute.engine.http.Callers}) and calls the next handler
 */
public record ApiHandlers(
    Function<String, Handler<RoutingContext>> access, ContactsApi contacts, ConversationsApi conversations, QueuesApi queues,
    CustomersApi customers, AgentsApi agents, WebhooksApi webhooks, EventStreamsApi streams, RulesApi rules,
    OpsApi ops, TwilioApi twilio, ChatChannel chat, SocialApi social, PartnerChannelsApi partnerChannels,
    EmailApi email) {
  public ApiHandlers {
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(contacts, "contacts");
    Objects.requireNonNull(conversations, "conversations");
    Objects.requireNonNull(queues, "queues");
    Objects.requireNonNull(customers, "customers");
    Objects.requireNonNull(agents, "agents");
    Objects.requireNonNull(webhooks, "webhooks");
    Objects.requireNonNull(streams, "streams");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(ops, "ops");
    Objects.requireNonNull(twilio, "twilio");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(social, "social");
    Objects.requireNonNull(partnerChannels, "partnerChannels");
    Objects.requireNonNull(email, "email");
  }

  /**
   * The operations whose body is not JSON but is read whole by their handler (a Twilio form, a
   * mail), with the largest body each accepts; a larger one is answered 413. Operations with
   * another body that are not listed read it as a stream ({@code importCustomers}).
   */
  Map<String, Long> bufferedBodyLimits() {
    Map<String, Long> limits = new HashMap<>(twilio.bodyLimits());
    limits.put("receiveEmail", email.maxMessageBytes());
    return limits;
  }

  /** The handler of each operationId of openapi.yaml. */
  Map<String, Handler<RoutingContext>> byOperationId() {
    return Map.ofEntries(
        Map.entry("createContact", contacts::create),
        Map.entry("getContact", contacts::get),
        Map.entry("completeContact", contacts::complete),
        Map.entry("abandonContact", contacts::abandon),
        Map.entry("transferContact", contacts::transfer),
        Map.entry("getConversation", conversations::get),
        Map.entry("answerConversation", conversations::answer),
        Map.entry("listQueues", queues::list),
        Map.entry("getQueue", queues::get),
        Map.entry("claimContact", queues::claim),
        Map.entry("putCustomer", customers::put),
        Map.entry("getCustomer", customers::get),
        Map.entry("findCustomer", customers::find),
        Map.entry("eraseCustomer", customers::erase),
        Map.entry("importCustomers", customers::importCustomers),
        Map.entry("listAgents", agents::list),
        Map.entry("getAgent", agents::get),
        Map.entry("putAgent", agents::put),
        Map.entry("setAgentPresence", agents::setPresence),
        Map.entry("acceptOffer", agents::acceptOffer),
        Map.entry("rejectOffer", agents::rejectOffer),
        Map.entry("listWebhooks", webhooks::list),
        Map.entry("getWebhook", webhooks::get),
        Map.entry("putWebhook", webhooks::put),
        Map.entry("deleteWebhook", webhooks::delete),
        Map.entry("listWebhookDeadLetters", webhooks::deadLetters),
        Map.entry("replayWebhookDeadLetters", webhooks::replay),
        Map.entry("streamAgentEvents", streams::agentEvents),
        Map.entry("streamQueueEvents", streams::queueEvents),
        Map.entry("listRules", rules::list),
        Map.entry("listRuleVersions", rules.inScope(rules::versions)),
        Map.entry("getRuleVersion", rules.inScope(rules::version)),
        Map.entry("validateRules", rules.inScope(rules::validate)),
        Map.entry("simulateRules", rules.inScope(rules::simulate)),
        Map.entry("saveRuleVersion", rules.inScope(rules::save)),
        Map.entry("activateRules", rules.inScope(rules::activate)),
        Map.entry("listAudit", rules::audit),
        Map.entry("twilioVoice", twilio::voice),
        Map.entry("twilioVoiceStatus", twilio::voiceStatus),
        Map.entry("twilioSms", twilio::sms),
        Map.entry("receiveSocialPost", social::receive),
        Map.entry("listPartnerChannels", partnerChannels::list),
        Map.entry("getPartnerChannel", partnerChannels::get),
        Map.entry("putPartnerChannel", partnerChannels::put),
        Map.entry("deletePartnerChannel", partnerChannels::delete),
        Map.entry("live", ops::live),
        Map.entry("ready", ops::ready),
        Map.entry("metrics", ops::metrics),
        Map.entry(ChatChannel.OPERATION, chat::upgradeRequired),
        Map.entry("receiveEmail", email::receive));
  }
}
