package io.omniroute.engine.channel.chat;

import io.omniroute.adapters.InvalidPayloadException;
import io.omniroute.adapters.chat.ChatCloseCodes;
import io.omniroute.adapters.chat.ChatContact;
import io.omniroute.adapters.chat.ChatFrame;
import io.omniroute.adapters.chat.ChatFrames;
import io.omniroute.adapters.chat.ChatLimits;
import io.omniroute.adapters.chat.FrameRateLimit;
import io.omniroute.adapters.chat.InvalidChatFrameException;
import io.omniroute.adapters.chat.ServerFrames;
import io.omniroute.engine.StoreUnavailableException;
import io.omniroute.engine.contact.IdempotencyKeyReusedException;
import io.omniroute.engine.queue.Accepted;
import io.omniroute.engine.queue.ConversationRecord;
import io.omniroute.engine.stream.LiveListeners;
import io.omniroute.engine.stream.StreamEvent;
import io.omniroute.engine.stream.StreamListener;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One customer's chat socket. Frames are taken one after the other, in the order they came: a
 * message is stored (through {@link io.omniroute.engine.api.AdapterIntake}) before the next frame
 * is looked at and before it is acknowledged. The first message opens the chat (a new session with
 * its token, kept in the {@link ChatStore}), or a {@code resume} takes an earlier one up; from then
 * on the socket listens to its conversation's announcements and, on each (and on a gap), reads the
 * conversation and sends the agent messages after the last seq it sent, so each reaches it once
 * and in order, from whichever node the answer came.
 *
 * <p>Hostile input: a frame flood closes the socket with {@link ChatCloseCodes#TOO_MANY_FRAMES},
 * an oversized frame with {@link ChatCloseCodes#TOO_BIG}, a binary frame with {@link
 * ChatCloseCodes#UNSUPPORTED_DATA}, an unknown token with {@link ChatCloseCodes#UNKNOWN_TOKEN}; a
 * frame that cannot be read, or a message that cannot become a contact, gets an error frame and
 * nothing of it is stored.
 *
 * <p>Not thread-safe: created and used on the socket's context only.
 */
final class ChatSocket implements StreamListener {
  private static final Logger LOG = LoggerFactory.getLogger(ChatSocket.class);

  private final ChatChannel channel;
  private final ServerWebSocket socket;
  private final Context context;
  private final String dealerId;
  private final ChatLimits limits;
  private final FrameRateLimit rate;
  private final Deque<ChatFrame> pending = new ArrayDeque<>();
  private ChatSession session;
  private LiveListeners.Registration registration;
  private long lastSentSeq;
  private boolean busy;
  private boolean syncing;
  private boolean syncAgain;
  private boolean closed;
  private long heartbeatTimer = -1;

  ChatSocket(ChatChannel channel, ServerWebSocket socket, Context context, String dealerId) {
    this.channel = channel;
    this.socket = socket;
    this.context = context;
    this.dealerId = dealerId;
    this.limits = channel.settings().limits();
    this.rate = new FrameRateLimit(limits, System.nanoTime());
  }

  /** Starts taking frames. */
  void start() {
    socket.textMessageHandler(this::received);
    socket.binaryMessageHandler(binary -> close(ChatCloseCodes.UNSUPPORTED_DATA,
        "binary frames are not part of the protocol: send JSON text frames"));
    socket.exceptionHandler(failure -> LOG.debug("chat socket failed: {}", failure.toString()));
    socket.closeHandler(ignored -> stop());
    heartbeatTimer = context.owner().setPeriodic(channel.settings().heartbeat().toMillis(), timer -> {
      if (!closed && !socket.isClosed()) {
        socket.writePing(Buffer.buffer("heartbeat"));
      }
    });
  }

  private void received(String text) {
    if (closed) {
      return;
    }
    if (!rate.tryTake(System.nanoTime())) {
      close(ChatCloseCodes.TOO_MANY_FRAMES, "too many frames: at most " + limits.burstFrames() + " at once and "
          + limits.framesPerSecond() + " per second");
      return;
    }
    if (ChatFrames.tooBig(text.getBytes(StandardCharsets.UTF_8).length, limits)) {
      close(ChatCloseCodes.TOO_BIG, "a frame may have at most " + limits.maxFrameBytes() + " bytes");
      return;
    }
    ChatFrame frame;
    try {
      frame = ChatFrames.parse(text, limits);
    } catch (InvalidChatFrameException e) {
      write(ServerFrames.error(e.code(), e.getMessage(), null));
      return;
    }
    pending.add(frame);
    next();
  }

  private void next() {
    if (busy || closed || pending.isEmpty()) {
      return;
    }
    busy = true;
    ChatFrame frame = pending.poll();
    Future<Void> handled = frame instanceof ChatFrame.Message message ? message(message) : resume((ChatFrame.Resume) frame);
    handled.onComplete(done -> {
      busy = false;
      next();
    });
  }

  private Future<Void> message(ChatFrame.Message message) {
    boolean opening = session == null;
    String threadKey = opening ? ChatContact.threadKey(message.id()) : session.threadKey();
    String dealer = opening ? dealerId : session.dealerId();
    String token = opening ? ChatTokens.newToken() : null;
    return channel.intake()
        .submit(ChatContact.of(dealer, channel.countryOfDealer(dealer), threadKey, message.text()), ChatChannel.CALLER,
            ChatContact.idempotencyKey(threadKey, message.id()))
        .compose(accepted -> opening ? open(accepted, threadKey, token) : Future.succeededFuture(accepted))
        .compose(accepted -> channel.conversations().conversation(accepted.record().conversationId())
            .map(found -> found.map(conversation -> ChatTranscript.seqOfContact(conversation, accepted.record().id()))
                .orElse(0L)))
        .map(seq -> {
          write(ServerFrames.ack(message.id(), seq));
          if (opening) {
            sync();
          }
          return (Void) null;
        })
        .recover(failure -> {
          refused(message.id(), failure);
          return Future.succeededFuture();
        });
  }

  private Future<Accepted> open(Accepted accepted, String threadKey, String token) {
    ChatSession opened = new ChatSession(accepted.record().conversationId(), dealerId, threadKey,
        channel.clock().instant());
    return channel.store().save(ChatTokens.hash(token), opened).map(saved -> {
      if (!closed) {
        session = opened;
        listen();
        write(ServerFrames.opened(opened.conversationId(), token));
      }
      return accepted;
    });
  }

  private Future<Void> resume(ChatFrame.Resume resume) {
    if (session != null) {
      close(ChatCloseCodes.ALREADY_OPEN, "this socket already carries a chat: resume on a new socket");
      return Future.succeededFuture();
    }
    return channel.store().find(ChatTokens.hash(resume.token())).<Void>map(found -> {
      if (found.isEmpty()) {
        close(ChatCloseCodes.UNKNOWN_TOKEN, "the token opens no chat: start a new one");
      } else if (!closed) {
        session = found.get();
        lastSentSeq = resume.lastSeq();
        listen();
        write(ServerFrames.resumed(session.conversationId()));
        sync();
      }
      return null;
    }).recover(failure -> {
      LOG.warn("a chat could not be resumed: {}", failure.toString());
      close(ChatCloseCodes.TRY_AGAIN, "the chat cannot be resumed right now: reconnect later");
      return Future.succeededFuture();
    });
  }

  private void refused(String clientId, Throwable failure) {
    if (failure instanceof InvalidPayloadException invalid) {
      write(ServerFrames.error("invalid-message", String.join("; ", invalid.problems()), clientId));
    } else if (failure instanceof IdempotencyKeyReusedException) {
      write(ServerFrames.error("id-reused", "this id was sent before with another text: give each message its own id",
          clientId));
    } else if (failure instanceof StoreUnavailableException) {
      write(ServerFrames.error("unavailable", "the message was not stored: send it again with the same id", clientId));
    } else {
      LOG.error("a chat message could not be stored", failure);
      write(ServerFrames.error("internal", "the message was not stored: send it again with the same id", clientId));
    }
  }

  private void listen() {
    registration = channel.live().add(ChatStore.stream(session.conversationId()), context, this);
  }

  @Override
  public void onEvent(StreamEvent event) {
    sync();
  }

  @Override
  public void onGap() {
    sync();
  }

  /** Reads the conversation and sends the agent messages after the last one sent; one read at a time. */
  private void sync() {
    if (closed || session == null) {
      return;
    }
    if (syncing) {
      syncAgain = true;
      return;
    }
    syncing = true;
    syncAgain = false;
    channel.conversations().conversation(session.conversationId()).onComplete(read -> {
      syncing = false;
      if (closed) {
        return;
      }
      if (read.failed()) {
        LOG.warn("chat conversation {} could not be read; trying again: {}", session.conversationId(),
            read.cause().toString());
        context.owner().setTimer(1000, timer -> sync());
        return;
      }
      read.result().ifPresent(this::sendAfterLastSeq);
      if (syncAgain) {
        sync();
      }
    });
  }

  private void sendAfterLastSeq(ConversationRecord conversation) {
    for (ChatTranscript.AgentMessage answer : ChatTranscript.agentMessagesAfter(conversation, lastSentSeq)) {
      write(ServerFrames.agentMessage(answer.seq(), answer.message().text(), answer.message().at()));
      lastSentSeq = answer.seq();
    }
  }

  private void write(String frame) {
    if (!closed && !socket.isClosed()) {
      socket.writeTextMessage(frame);
    }
  }

  private void close(short code, String reason) {
    if (closed) {
      return;
    }
    stop();
    if (!socket.isClosed()) {
      socket.close(code, reason);
    }
  }

  private void stop() {
    if (closed) {
      return;
    }
    closed = true;
    pending.clear();
    if (registration != null) {
      registration.cancel();
    }
    if (heartbeatTimer >= 0) {
      context.owner().cancelTimer(heartbeatTimer);
    }
  }
}
