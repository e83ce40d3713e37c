package io.omniroute.engine.api;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.omniroute.engine.Caller;
import io.omniroute.engine.StoreUnavailableException;
import io.omniroute.engine.contact.UnknownQueueException;
import io.omniroute.engine.delivery.AgentNotFoundException;
import io.omniroute.engine.http.Access;
import io.omniroute.engine.http.Callers;
import io.omniroute.engine.stream.EventStreamService;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event streams of an agent ({@code GET /v1/agents/{agentId}/events}) and of a queue ({@code
 * GET /v1/queues/{queue}/events}), as Server-Sent Events through the router, and as a WebSocket
 * when the same URL is requested with {@code Upgrade: websocket}.
 *
 * <p>A WebSocket handshake does not pass the router, so {@link #handshake} does what the router's
 * handlers do, in the same order and with the same pieces: the access check of the operation
 * ({@link Access.Check}, the one the access handlers use), the contract's parameter validation,
 * and the service. The token comes from the {@code Authorization} header, or, since browsers cannot
 * set that on a WebSocket, from the subprotocol {@code bearer.<token>} offered beside {@value
 * #SUBPROTOCOL} (the engine answers with {@value #SUBPROTOCOL}). A refused handshake answers the
 * status the SSE request would get (400, 401, 403, 404, 503), without a body. The client resumes
 * with the query parameter {@code lastEventId}.
 *
 * <p>Stateless apart from what it was built with; shared by verticles.
 */
public final class EventStreamsApi {
  /** The subprotocol a WebSocket client offers and the engine selects. */
  public static final String SUBPROTOCOL = "omniroute.events";
  /** The prefix of the subprotocol that carries a browser's token: {@code bearer.<token>}. */
  public static final String TOKEN_SUBPROTOCOL_PREFIX = "bearer.";
  static final String AGENT_OPERATION = "streamAgentEvents";
  static final String QUEUE_OPERATION = "streamQueueEvents";
  static final String LAST_EVENT_ID_HEADER = "Last-Event-ID";
  static final String LAST_EVENT_ID_QUERY = "lastEventId";

  private static final Logger LOG = LoggerFactory.getLogger(EventStreamsApi.class);

  private final EventStreamService streams;
  private final Access.Check access;
  private final ContractValidation agentParameters;
  private final ContractValidation queueParameters;

  public EventStreamsApi(EventStreamService streams, Access.Check access, ContractSchemas contract) {
    this.streams = streams;
    this.access = access;
    this.agentParameters = ContractValidation.of(AGENT_OPERATION, contract);
    this.queueParameters = ContractValidation.of(QUEUE_OPERATION, contract);
  }

  void agentEvents(RoutingContext ctx) {
    serve(ctx, streams.agentStream(ctx.pathParam("agentId"), Callers.of(ctx)));
  }

  void queueEvents(RoutingContext ctx) {
    serve(ctx, streams.queueStream(ctx.pathParam("queue"), Callers.of(ctx)));
  }

  private void serve(RoutingContext ctx, Future<String> stream) {
    RequestParameters parameters = RequestParameters.of(ctx);
    String lastEventId = parameters.text(LAST_EVENT_ID_HEADER).or(() -> parameters.text(LAST_EVENT_ID_QUERY)).orElse(null);
    stream.onSuccess(name -> {
      if (ctx.request().method() == HttpMethod.HEAD) {
        SseSink.head(ctx.response()).end();
      } else {
        streams.subscribe(name, lastEventId, new SseSink(ctx.response()));
      }
    }).onFailure(ctx::fail);
  }

  /**
   * Answers a WebSocket handshake: accepts one for an event stream the caller may read and
   * streams into it; refuses anything else with its status.
   */
  public void handshake(ServerWebSocketHandshake handshake) {
    try {
      answer(handshake);
    } catch (IllegalArgumentException malformed) {
      handshake.reject(400);
    }
  }

  private void answer(ServerWebSocketHandshake handshake) {
    Target target = Target.of(handshake.path());
    if (target == null) {
      handshake.reject(404);
      return;
    }
    String authorization = handshake.headers().get("Authorization");
    Access decided = access.decide(target.operation(), authorization != null ? authorization
        : tokenSubprotocol(handshake.headers().get("Sec-WebSocket-Protocol")), target.params());
    if (decided instanceof Access.Refused refused) {
      handshake.reject(refused.status());
      return;
    }
    Map<String, List<String>> query = new QueryStringDecoder(handshake.uri()).parameters();
    ContractValidation validation = target.operation().equals(AGENT_OPERATION) ? agentParameters : queueParameters;
    ContractValidation.ParameterProblem problem = validation.parameterProblem(parameter -> switch (parameter.in()) {
      case "path" -> target.params().get(parameter.name());
      case "query" -> query.containsKey(parameter.name()) ? query.get(parameter.name()).get(0) : null;
      case "header" -> handshake.headers().get(parameter.name());
      default -> null;
    });
    if (problem != null) {
      handshake.reject(400);
      return;
    }
    String header = handshake.headers().get(LAST_EVENT_ID_HEADER);
    String lastEventId = header != null ? header
        : query.containsKey(LAST_EVENT_ID_QUERY) ? query.get(LAST_EVENT_ID_QUERY).get(0) : null;
    target.open(streams, ((Access.Granted) decided).caller())
        .onSuccess(stream -> handshake.accept()
            .onSuccess(socket -> streams.subscribe(stream, lastEventId, new WebSocketSink(socket))))
        .onFailure(failure -> handshake.reject(statusOf(failure)));
  }

  /** {@code Bearer <token>} from a {@code bearer.<token>} subprotocol, or {@code null} when none is offered. */
  static String tokenSubprotocol(String protocols) {
    if (protocols == null) {
      return null;
    }
    return Arrays.stream(protocols.split(","))
        .map(String::strip)
        .filter(protocol -> protocol.startsWith(TOKEN_SUBPROTOCOL_PREFIX))
        .map(protocol -> "Bearer " + protocol.substring(TOKEN_SUBPROTOCOL_PREFIX.length()))
        .findFirst()
        .orElse(null);
  }

  private static int statusOf(Throwable failure) {
    if (failure instanceof AgentNotFoundException || failure instanceof UnknownQueueException) {
      return 404;
    }
    if (failure instanceof StoreUnavailableException) {
      return 503;
    }
    LOG.error("unexpected failure opening an event stream over a WebSocket", failure);
    return 500;
  }

  /** The event stream a WebSocket handshake's path names: its operation and path parameters. */
  private record Target(String operation, Map<String, String> params) {
    /** {@code /v1/agents/{agentId}/events} or {@code /v1/queues/{queue}/events}, else {@code null}. */
    static Target of(String path) {
      String[] segments = path.split("/", -1);
      if (segments.length != 5 || !segments[0].isEmpty() || !segments[1].equals("v1") || !segments[4].equals("events")) {
        return null;
      }
      String name = decoded(segments[3]);
      if (name == null || name.isEmpty()) {
        return null;
      }
      return switch (segments[2]) {
        case "agents" -> new Target(AGENT_OPERATION, Map.of("agentId", name));
        case "queues" -> new Target(QUEUE_OPERATION, Map.of("queue", name));
        default -> null;
      };
    }

    Future<String> open(EventStreamService streams, Caller caller) {
      BiFunction<String, Caller, Future<String>> open =
          operation.equals(AGENT_OPERATION) ? streams::agentStream : streams::queueStream;
      return open.apply(params.values().iterator().next(), caller);
    }

    /** A path segment with its percent-escapes decoded ({@code +} stays), or {@code null} when malformed. */
    private static String decoded(String segment) {
      try {
        return QueryStringDecoder.decodeComponent(segment.replace("+", "%2B"));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }
}
