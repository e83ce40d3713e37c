package io.omniroute.engine.channel.chat;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.omniroute.adapters.chat.ChatCloseCodes;
import io.omniroute.adapters.chat.ServerFrames;
import io.omniroute.engine.Caller;
import io.omniroute.engine.api.AdapterIntake;
import io.omniroute.engine.conversation.Outbound;
import io.omniroute.engine.http.Problem;
import io.omniroute.engine.queue.QueueStore;
import io.omniroute.engine.stream.LiveListeners;
import io.omniroute.rules.directory.Directory;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The web chat channel: the public WebSocket {@value #PATH} of the chat widget ({@code
 * GET /v1/channels/chat/socket}, operation {@value #OPERATION}), and its {@link Outbound} for answers
 * on channel {@code chat}. The socket needs no token (the customer is anonymous): a handshake is
 * refused with 403 when the page's {@code Origin} is not among {@link ChatSettings#allowedOrigins};
 * a socket whose {@code dealer} query parameter names no dealer of the directory gets an error frame
 * and is closed with {@link ChatCloseCodes#UNKNOWN_DEALER}; everything else happens per socket in
 * {@link ChatSocket}. Contacts are created as the caller {@link #CALLER}.
 *
 * <p>Built once per engine; thread-safe and shared by all verticles. Its live listeners get the
 * {@link ChatStore}'s announcements ({@link ChatStore#deliverTo}, done here).
 */
public final class ChatChannel {
  /** The socket's path. */
  public static final String PATH = "/v1/channels/chat/socket";
  /** The socket's operationId in openapi.yaml. */
  public static final String OPERATION = "openChatSocket";
  /** The query parameter naming the dealer whose site the widget is on. */
  public static final String DEALER_PARAM = "dealer";
  /** Who creates the contacts of chats: the owner of their idempotency keys. */
  static final Caller CALLER = Caller.unrestricted("chat-widget");

  private final AdapterIntake intake;
  private final QueueStore conversations;
  private final Directory directory;
  private final ChatStore store;
  private final LiveListeners live = new LiveListeners(stream -> {});
  private final ChatSettings settings;
  private final Clock clock;

  public ChatChannel(
      AdapterIntake intake, QueueStore conversations, Directory directory, ChatStore store, ChatSettings settings,
      Clock clock) {
    this.intake = intake;
    this.conversations = conversations;
    this.directory = directory;
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    store.deliverTo(live);
  }

  /** Sends answers on channel {@code chat} to the customer's open sockets, on any node. */
  public Outbound outbound() {
    return new ChatOutbound(store);
  }

  /** Whether a WebSocket handshake is for the chat socket. */
  public static boolean isChatSocket(ServerWebSocketHandshake handshake) {
    return PATH.equals(handshake.path());
  }

  /** Answers a handshake of the chat socket: refuses a foreign origin with 403, else accepts it and starts the socket. */
  public void handshake(ServerWebSocketHandshake handshake) {
    if (!settings.allowsOrigin(handshake.headers().get("Origin"))) {
      handshake.reject(403);
      return;
    }
    String dealer = dealerOf(handshake.uri());
    Context context = Vertx.currentContext();
    handshake.accept().onSuccess(socket -> {
      if (dealer == null || !directory.hasDealer(dealer)) {
        String detail = dealer == null
            ? "the socket URL names no dealer: add ?dealer=<dealer id>"
            : "no dealer '" + printable(dealer) + "' in the directory: check the widget's data-dealer";
        socket.writeTextMessage(ServerFrames.error("unknown-dealer", detail, null));
        socket.close(ChatCloseCodes.UNKNOWN_DEALER, "unknown dealer");
        return;
      }
      new ChatSocket(this, socket, context, dealer).start();
    });
  }

  /** A plain {@code GET} of the socket's URL, without {@code Upgrade: websocket}: 426 saying how to connect. */
  public void upgradeRequired(RoutingContext ctx) {
    ctx.response().putHeader("Upgrade", "websocket");
    Problem.send(ctx, 426, "WebSocket required",
        "This is the chat widget's WebSocket: connect with Upgrade: websocket, e.g. new WebSocket(\"ws://<host>"
            + PATH + "?dealer=DE-MUC-001\"). See docs/channels.md, Web chat.");
  }

  private static String dealerOf(String uri) {
    Map<String, List<String>> query;
    try {
      query = new QueryStringDecoder(uri).parameters();
    } catch (IllegalArgumentException malformed) {
      return null;
    }
    List<String> values = query.get(DEALER_PARAM);
    return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
  }

  private static String printable(String text) {
    String cut = text.length() > 64 ? text.substring(0, 64) + "..." : text;
    return cut.replaceAll("[^\\x20-\\x7E]", "?");
  }

  AdapterIntake intake() {
    return intake;
  }

  QueueStore conversations() {
    return conversations;
  }

  ChatStore store() {
    return store;
  }

  LiveListeners live() {
    return live;
  }

  ChatSettings settings() {
    return settings;
  }

  Clock clock() {
    return clock;
  }

  String countryOfDealer(String dealerId) {
    return directory.countryOfDealer(dealerId);
  }
}
