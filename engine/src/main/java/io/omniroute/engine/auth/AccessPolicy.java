package io.omniroute.engine.auth;

import java.util.Map;
import java.util.Set;

/**
 * Who may call which operation: a pure function of the caller's roles, the OpenAPI
 * {@code operationId} and the request's path parameters ({@code queue}, {@code scope}). Stateless
 * and thread-safe.
 *
 * <table>
 *   <caption>The access matrix</caption>
 *   <tr><th>operations</th><th>allowed</th></tr>
 *   <tr><td>{@code createContact}, {@code abandonContact}, {@code receiveSocialPost}, {@code receiveEmail}</td>
 *       <td>admin, telephony, adapter</td></tr>
 *   <tr><td>{@code listQueues}, {@code listRules}, {@code listRuleVersions},
 *       {@code getRuleVersion}, {@code listAudit}</td><td>admin, supervisor, supervisor:CC, ops</td></tr>
 *   <tr><td>{@code getQueue}, {@code streamQueueEvents}</td><td>as above, and {@code dealer:X} on queue
 *       {@code dealer:X}</td></tr>
 *   <tr><td>{@code claimContact}</td><td>admin, supervisor (global), and {@code dealer:X} on queue
 *       {@code dealer:X}</td></tr>
 *   <tr><td>{@code completeContact}, {@code transferContact}, {@code answerConversation}</td><td>admin,
 *       supervisor (global); {@code dealer:X} {@link AccessDecision#ALLOW_OWN}</td></tr>
 *   <tr><td>{@code getContact}, {@code getConversation}</td><td>admin, supervisor, supervisor:CC, ops;
 *       {@code dealer:X} {@link AccessDecision#ALLOW_OWN} (in its queue; a conversation also of a
 *       customer it owns)</td></tr>
 *   <tr><td>{@code validateRules}, {@code simulateRules}, {@code saveRuleVersion},
 *       {@code activateRules}</td><td>admin; supervisor on scope {@code global}; supervisor:CC on scope
 *       {@code CC}</td></tr>
 *   <tr><td>{@code putCustomer}, {@code eraseCustomer}, {@code importCustomers}</td><td>admin, supervisor
 *       (global); supervisor:CC {@link AccessDecision#ALLOW_OWN} (customers of CC)</td></tr>
 *   <tr><td>{@code getCustomer}</td><td>admin, supervisor (global); supervisor:CC and {@code dealer:X}
 *       {@link AccessDecision#ALLOW_OWN} (customers of CC, customers X owns)</td></tr>
 *   <tr><td>{@code findCustomer}</td><td>as {@code getCustomer}, and telephony, adapter (look-up by identity)</td></tr>
 *   <tr><td>{@code listAgents}</td><td>admin, supervisor, supervisor:CC, ops; {@code dealer:X}
 *       {@link AccessDecision#ALLOW_OWN} (the agents who serve only its queue)</td></tr>
 *   <tr><td>{@code getAgent}, {@code streamAgentEvents}</td><td>as {@code listAgents}, and {@code agent:A}
 *       {@link AccessDecision#ALLOW_OWN} (itself)</td></tr>
 *   <tr><td>{@code putAgent}</td><td>admin, supervisor (global); {@code dealer:X} {@link
 *       AccessDecision#ALLOW_OWN} (agents who serve only its queue)</td></tr>
 *   <tr><td>{@code setAgentPresence}</td><td>as {@code putAgent}, and {@code agent:A} {@link
 *       AccessDecision#ALLOW_OWN} (itself)</td></tr>
 *   <tr><td>{@code acceptOffer}, {@code rejectOffer}</td><td>as {@code setAgentPresence}: {@code dealer:X}
 *       {@link AccessDecision#ALLOW_OWN} (offers of its queue), {@code agent:A} (its own offers)</td></tr>
 *   <tr><td>{@code listWebhooks}, {@code getWebhook}, {@code listWebhookDeadLetters}</td><td>admin, supervisor,
 *       supervisor:CC, ops; {@code dealer:X} {@link AccessDecision#ALLOW_OWN} (the webhooks it registered)</td></tr>
 *   <tr><td>{@code putWebhook}, {@code deleteWebhook}</td><td>admin, supervisor (global); {@code dealer:X}
 *       {@link AccessDecision#ALLOW_OWN} (its own, for events of its own queue only)</td></tr>
 *   <tr><td>{@code replayWebhookDeadLetters}</td><td>admin, supervisor (global), ops; {@code dealer:X}
 *       {@link AccessDecision#ALLOW_OWN} (its own webhooks)</td></tr>
 *   <tr><td>{@code listPartnerChannels}, {@code getPartnerChannel}</td><td>admin, supervisor, supervisor:CC,
 *       ops; {@code dealer:X} {@link AccessDecision#ALLOW_OWN} (its own channels)</td></tr>
 *   <tr><td>{@code putPartnerChannel}, {@code deletePartnerChannel}</td><td>admin, supervisor (global);
 *       {@code dealer:X} {@link AccessDecision#ALLOW_OWN} (channels of X only)</td></tr>
 *   <tr><td>{@code metrics}</td><td>admin, ops</td></tr>
 *   <tr><td>{@code live}, {@code ready}, {@code openChatSocket} (the web chat widget's socket, whose
 *       customer is anonymous)</td><td>everybody, without a token</td></tr>
 *   <tr><td>{@code twilioVoice}, {@code twilioVoiceStatus}, {@code twilioSms}</td><td>without a token:
 *       Twilio's request signature authenticates them ({@link io.omniroute.engine.api.TwilioApi})</td></tr>
 *   <tr><td>any other operation</td><td>admin only (fail closed)</td></tr>
 * </table>
 *
 * A caller with several roles gets the best answer any of them gives.
 */
public final class AccessPolicy {
  /** The path parameter naming a queue, e.g. {@code /v1/queues/{queue}}. */
  public static final String QUEUE_PARAM = "queue";
  /** The path parameter naming a rule scope, e.g. {@code /v1/rules/{scope}/activate}. */
  public static final String SCOPE_PARAM = "scope";
  /** The path parameter naming an agent, e.g. {@code /v1/agents/{agentId}}. */
  public static final String AGENT_PARAM = "agentId";
  /** The rule scope that applies to every country. */
  public static final String GLOBAL_SCOPE = "global";

  private static final Map<String, Rule> OPERATIONS = Map.ofEntries(
      Map.entry("createContact", Rule.INTAKE),
      Map.entry("abandonContact", Rule.INTAKE),
      Map.entry("receiveEmail", Rule.INTAKE),
      Map.entry("getContact", Rule.READ_OWN_WORK),
      Map.entry("completeContact", Rule.COMPLETE),
      Map.entry("transferContact", Rule.COMPLETE),
      Map.entry("getConversation", Rule.READ_OWN_WORK),
      Map.entry("answerConversation", Rule.COMPLETE),
      Map.entry("listQueues", Rule.READ),
      Map.entry("getQueue", Rule.READ_QUEUE),
      Map.entry("streamQueueEvents", Rule.READ_QUEUE),
      Map.entry("claimContact", Rule.CLAIM),
      Map.entry("metrics", Rule.METRICS),
      Map.entry("listRules", Rule.READ),
      Map.entry("listRuleVersions", Rule.READ),
      Map.entry("getRuleVersion", Rule.READ),
      Map.entry("listAudit", Rule.READ),
      Map.entry("validateRules", Rule.WRITE_RULES),
      Map.entry("simulateRules", Rule.WRITE_RULES),
      Map.entry("saveRuleVersion", Rule.WRITE_RULES),
      Map.entry("activateRules", Rule.WRITE_RULES),
      Map.entry("putCustomer", Rule.WRITE_CUSTOMERS),
      Map.entry("eraseCustomer", Rule.WRITE_CUSTOMERS),
      Map.entry("importCustomers", Rule.WRITE_CUSTOMERS),
      Map.entry("getCustomer", Rule.READ_CUSTOMERS),
      Map.entry("findCustomer", Rule.FIND_CUSTOMERS),
      Map.entry("listAgents", Rule.READ_AGENTS),
      Map.entry("getAgent", Rule.READ_AGENT),
      Map.entry("streamAgentEvents", Rule.READ_AGENT),
      Map.entry("putAgent", Rule.WRITE_AGENTS),
      Map.entry("setAgentPresence", Rule.SET_PRESENCE),
      Map.entry("acceptOffer", Rule.ANSWER_OFFERS),
      Map.entry("rejectOffer", Rule.ANSWER_OFFERS),
      Map.entry("listWebhooks", Rule.READ_WEBHOOKS),
      Map.entry("getWebhook", Rule.READ_WEBHOOKS),
      Map.entry("listWebhookDeadLetters", Rule.READ_WEBHOOKS),
      Map.entry("putWebhook", Rule.WRITE_WEBHOOKS),
      Map.entry("deleteWebhook", Rule.WRITE_WEBHOOKS),
      Map.entry("replayWebhookDeadLetters", Rule.REPLAY_WEBHOOKS),
      Map.entry("twilioVoice", Rule.PUBLIC),
      Map.entry("twilioVoiceStatus", Rule.PUBLIC),
      Map.entry("twilioSms", Rule.PUBLIC),
      Map.entry("receiveSocialPost", Rule.INTAKE),
      Map.entry("listPartnerChannels", Rule.READ_PARTNER_CHANNELS),
      Map.entry("getPartnerChannel", Rule.READ_PARTNER_CHANNELS),
      Map.entry("putPartnerChannel", Rule.WRITE_PARTNER_CHANNELS),
      Map.entry("deletePartnerChannel", Rule.WRITE_PARTNER_CHANNELS),
      Map.entry("live", Rule.PUBLIC),
      Map.entry("ready", Rule.PUBLIC),
      Map.entry("openChatSocket", Rule.PUBLIC));

  private AccessPolicy() {}

  /** Every operationId with an explicit entry in the matrix. */
  public static Set<String> knownOperations() {
    return OPERATIONS.keySet();
  }

  /** Whether the operation needs no token ({@code live}, {@code ready}, {@code openChatSocket}). */
  public static boolean isPublic(String operationId) {
    return OPERATIONS.get(operationId) == Rule.PUBLIC;
  }

  /**
   * What {@code principal} may do with {@code operationId}.
   *
   * @param principal the caller; {@code null} when there is no token (then only public operations are allowed)
   * @param pathParams the request's path parameters; only {@code queue} and {@code scope} are read
   */
  public static AccessDecision decide(Principal principal, String operationId, Map<String, String> pathParams) {
    Rule rule = OPERATIONS.get(operationId);
    if (rule == Rule.PUBLIC) {
      return AccessDecision.ALLOW;
    }
    if (principal == null) {
      return AccessDecision.DENY;
    }
    if (rule == null) {
      return principal.isAdmin() ? AccessDecision.ALLOW : AccessDecision.DENY;
    }
    AccessDecision best = AccessDecision.DENY;
    for (Role role : principal.roles()) {
      best = best.or(rule.decide(role, pathParams));
    }
    return best;
  }

  /** Who would be allowed, for a 403's detail: {@code admin, supervisor:AT}. */
  public static String allowedRoles(String operationId, Map<String, String> pathParams) {
    Rule rule = OPERATIONS.get(operationId);
    return rule == null ? "admin" : rule.allowed(pathParams);
  }

  /** One row of the matrix. */
  private enum Rule {
    PUBLIC {
      @Override
      AccessDecision decide(Role role, Map<String, String> params) {
        return AccessDecision.ALLOW;
      }

      @Override
      String allowed(Map<String, String> params) {
        return "everybody";
      }
    },
    INTAKE {
      @Override
      AccessDecision decide(Role role, Map<String, String> params) {
        return allowIf(switch (role.kind()) {
          case ADMIN, TELEPHONY, ADAPTER -> true;
          default -> false;
        });
      }

      @Override
      String allowed(Map<String, String> params) {
        return "admin, telephony, adapter";
      }
    },
    READ {
      @Override
      AccessDecision decide(Role role, Map<String, String> params) {
        return allowIf(reads(role));
      }

      @Override
      String allowed(Map<String, String> params) {
        return READERS;
      }
    },
    READ_QUEUE {
      @Override
      AccessDecision decide(Role role, Map<String, String> params) {
        return allowIf(reads(role) || ownsQueue(role, params));
      }

      @Override
      String allowed(Map<String, String> params) {
        return READERS + dealerOf(params);
      }
    },
    READ_OWN_WORK {
      @Override
      AccessDecision decide(Role role, Map<String, String> params) {
        return readsElseDealerOwn(role);
      }

      @Override
      String allowed(Map<String, String> params) {
        return READERS + ", dealer:<id> for a contact or conversation in its own dealer queue";
      }
    },
    CLAIM {
      @Override
      AccessDecision decide(Role role, Map<String, String> params) {
        return allowIf(role.kind() == Role.Kind.ADMIN || role.isGlobalSupervisor() || ownsQueue(role, params));
      }

      @Override
      String allowed(Map<String, String> params) {
        return "admin, supervisor (global)" + dealerOf(params);
      }
    },
    COMPLETE {
      @Override
      AccessDecision decide(Role role, Map<String, String> params) {
        return globalElseOwn(role, Role.Kind.DEALER);
      }

      @Override
      String allowed(Map<String, String> params) {
        return "admin, supervisor (global), dealer:<id> for a contact or conversation in its own dealer queue";
      }
    },
    WRITE_CUSTOMERS {
      @Override
      AccessDecision decide(Role role, Map<String, String> params) {
        return globalElseOwn(role, Role.Kind.SUPERVISOR);
      }

      @Override
      String allowed(Map<String, String> params) {
        return "admin, supervisor (global), supervisor:<CC> for customers of CC";
      }
    },
    READ_CUSTOMERS {
      @Override
      AccessDecision decide(Role role, Map<String, String> params) {
        return readCustomers(role);
      }

      @Override
      String allowed(Map<String, String> params) {
        return "admin, supervisor (global), supervisor:<CC> for customers of CC, dealer:<id> for the customers it owns";
      }
    },
    FIND_CUSTOMERS {
      @Override
      AccessDecision decide(Role role, Map<String, String> params) {
        return role.kind() == Role.Kind.TELEPHONY || role.kind() == Role.Kind.ADAPTER
            ? AccessDecision.ALLOW
            : readCustomers(role);
      }

      @Override
      String allowed(Map<String, String> params) {
        return "admin, supervisor (global), telephony, adapter, supervisor:<CC> for customers of CC,"
            + " dealer:<id> for the customers it owns";
      }
    },
    READ_AGENTS {
      @Override
      AccessDecision decide(Role role, Map<String, String> params) {
        return readsElseDealerOwn(role);
      }

      @Override
      String allowed(Map<String, String> params) {
        return READERS + ", dealer:<id> for the agents who serve only its dealer queue";
      }
    },
    READ_AGENT {
      @Override
      AccessDecision decide(Role role, Map<String, String> params) {
        return role.kind() == Role.Kind.AGENT ? AccessDecision.ALLOW_OWN : READ_AGENTS.decide(role, params);
      }

      @Override
      String allowed(Map<String, String> params) {
        return READ_AGENTS.allowed(params) + ", agent:<id> for itself";
      }
    },
    WRITE_AGENTS {
      @Override
      AccessDecision decide(Role role, Map<String, String> params) {
        return globalElseOwn(role, Role.Kind.DEALER);
      }

      @Override
      String allowed(Map<String, String> params) {
        return "admin, supervisor (global), dealer:<id> for the agents who serve only its dealer queue";
      }
    },
    SET_PRESENCE {
      @Override
      AccessDecision decide(Role role, Map<String, String> params) {
        return role.kind() == Role.Kind.AGENT ? AccessDecision.ALLOW_OWN : WRITE_AGENTS.decide(role, params);
      }

      @Override
      String allowed(Map<String, String> params) {
        return WRITE_AGENTS.allowed(params) + ", agent:<id> for itself";
      }
    },
    ANSWER_OFFERS {
      @Override
      AccessDecision decide(Role role, Map<String, String> params) {
        return SET_PRESENCE.decide(role, params);
      }

      @Override
      String allowed(Map<String, String> params) {
        return "admin, supervisor (global), dealer:<id> for the offers of its dealer queue, agent:<id> for its own offers";
      }
    },
    READ_WEBHOOKS {
      @Override
      AccessDecision decide(Role role, Map<String, String> params) {
        return readsElseDealerOwn(role);
      }

      @Override
      String allowed(Map<String, String> params) {
        return READERS + ", dealer:<id> for the webhooks it registered";
      }
    },
    WRITE_WEBHOOKS {
      @Override
      AccessDecision decide(Role role, Map<String, String> params) {
        return globalElseOwn(role, Role.Kind.DEALER);
      }

      @Override
      String allowed(Map<String, String> params) {
        return "admin, supervisor (global), dealer:<id> for its own webhooks, on events of its own dealer queue";
      }
    },
    REPLAY_WEBHOOKS {
      @Override
      AccessDecision decide(Role role, Map<String, String> params) {
        return role.kind() == Role.Kind.OPS ? AccessDecision.ALLOW : globalElseOwn(role, Role.Kind.DEALER);
      }

      @Override
      String allowed(Map<String, String> params) {
        return "admin, supervisor (global), ops, dealer:<id> for the webhooks it registered";
      }
    },
    READ_PARTNER_CHANNELS {
      @Override
      AccessDecision decide(Role role, Map<String, String> params) {
        return readsElseDealerOwn(role);
      }

      @Override
      String allowed(Map<String, String> params) {
        return READERS + ", dealer:<id> for its own partner channels";
      }
    },
    WRITE_PARTNER_CHANNELS {
      @Override
      AccessDecision decide(Role role, Map<String, String> params) {
        return globalElseOwn(role, Role.Kind.DEALER);
      }

      @Override
      String allowed(Map<String, String> params) {
        return "admin, supervisor (global), dealer:<id> for its own partner channels";
      }
    },
    METRICS {
      @Override
      AccessDecision decide(Role role, Map<String, String> params) {
        return allowIf(role.kind() == Role.Kind.ADMIN || role.kind() == Role.Kind.OPS);
      }

      @Override
      String allowed(Map<String, String> params) {
        return "admin, ops";
      }
    },
    WRITE_RULES {
      @Override
      AccessDecision decide(Role role, Map<String, String> params) {
        String scope = param(params, SCOPE_PARAM);
        if (role.kind() == Role.Kind.ADMIN) {
          return AccessDecision.ALLOW;
        }
        if (role.kind() != Role.Kind.SUPERVISOR || scope == null) {
          return AccessDecision.DENY;
        }
        return allowIf(role.scope() == null ? GLOBAL_SCOPE.equals(scope) : role.scope().equals(scope));
      }

      @Override
      String allowed(Map<String, String> params) {
        String scope = param(params, SCOPE_PARAM);
        if (scope == null) {
          return "admin";
        }
        return GLOBAL_SCOPE.equals(scope) ? "admin, supervisor (global)" : "admin, supervisor:" + scope;
      }
    };

    private static final String READERS = "admin, supervisor, supervisor:<CC>, ops";

    abstract AccessDecision decide(Role role, Map<String, String> params);

    abstract String allowed(Map<String, String> params);

    private static AccessDecision readCustomers(Role role) {
      if (role.kind() == Role.Kind.ADMIN || role.isGlobalSupervisor()) {
        return AccessDecision.ALLOW;
      }
      return role.kind() == Role.Kind.SUPERVISOR || role.kind() == Role.Kind.DEALER
          ? AccessDecision.ALLOW_OWN
          : AccessDecision.DENY;
    }

    /** Everything for admin and the global supervisor; {@code own} callers their own; nobody else. */
    /** Every reader reads all; a dealer only its own; nobody else. */
    private static AccessDecision readsElseDealerOwn(Role role) {
      if (reads(role)) {
        return AccessDecision.ALLOW;
      }
      return role.kind() == Role.Kind.DEALER ? AccessDecision.ALLOW_OWN : AccessDecision.DENY;
    }

    private static AccessDecision globalElseOwn(Role role, Role.Kind own) {
      if (role.kind() == Role.Kind.ADMIN || role.isGlobalSupervisor()) {
        return AccessDecision.ALLOW;
      }
      return role.kind() == own ? AccessDecision.ALLOW_OWN : AccessDecision.DENY;
    }

    private static AccessDecision allowIf(boolean allowed) {
      return allowed ? AccessDecision.ALLOW : AccessDecision.DENY;
    }

    private static boolean reads(Role role) {
      return switch (role.kind()) {
        case ADMIN, SUPERVISOR, OPS -> true;
        default -> false;
      };
    }

    private static boolean ownsQueue(Role role, Map<String, String> params) {
      String queue = param(params, QUEUE_PARAM);
      return queue != null && queue.equals(role.dealerQueue());
    }

    private static String dealerOf(Map<String, String> params) {
      String queue = param(params, QUEUE_PARAM);
      return queue != null && queue.startsWith("dealer:") ? ", " + queue : "";
    }

    private static String param(Map<String, String> params, String name) {
      return params == null ? null : params.get(name);
    }
  }
}
