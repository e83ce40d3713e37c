package io.omniroute.adapters.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The frames the engine sends to a chat widget, each one JSON object:
 *
 * <ul>
 *   <li>{@code {"type":"opened","conversationId","token"}}: the first message opened a chat; keep
 *       the token to resume it.
 *   <li>{@code {"type":"resumed","conversationId"}}: a resume was accepted; missed agent messages follow.
 *   <li>{@code {"type":"ack","id","seq"}}: the message with that client id is stored, at position
 *       {@code seq} of the conversation.
 *   <li>{@code {"type":"message","seq","from":"agent","text","at"}}: an agent's answer.
 *   <li>{@code {"type":"error","code","detail"}} (with {@code id} when it concerns a message): a frame
 *       was refused and nothing of it stored.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class ServerFrames {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ServerFrames() {}

  public static String opened(String conversationId, String token) {
    return frame("opened").put("conversationId", conversationId).put("token", token).toString();
  }

  public static String resumed(String conversationId) {
    return frame("resumed").put("conversationId", conversationId).toString();
  }

  public static String ack(String clientId, long seq) {
    return frame("ack").put("id", clientId).put("seq", seq).toString();
  }

  public static String agentMessage(long seq, String text, Instant at) {
    return frame("message").put("seq", seq).put("from", "agent").put("text", text).put("at", at.toString()).toString();
  }

  /** An error; {@code clientId} names the refused message, or is {@code null}. */
  public static String error(String code, String detail, String clientId) {
    ObjectNode frame = frame("error");
    if (clientId != null) {
      frame.put("id", clientId);
    }
    return frame.put("code", code).put("detail", detail).toString();
  }

  private static ObjectNode frame(String type) {
    return JSON.createObjectNode().put("type", type);
  }
}
