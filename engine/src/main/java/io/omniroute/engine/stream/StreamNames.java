package io.omniroute.engine.stream;

/**
 * The names of streams: {@code agent:<agentId>} for what concerns one agent, {@code
 * queue:<queue>} for what happens in one queue ({@code queue:dealer:DE-MUC-001}). Stateless.
 */
public final class StreamNames {
  private static final String AGENT = "agent:";
  private static final String QUEUE = "queue:";

  private StreamNames() {}

  /** The stream of agent {@code agentId}. */
  public static String agent(String agentId) {
    return AGENT + agentId;
  }

  /** The stream of {@code queue}. */
  public static String queue(String queue) {
    return QUEUE + queue;
  }

  /** The queue of a queue stream, or {@code null} for any other stream. */
  public static String queueOf(String stream) {
    return stream.startsWith(QUEUE) ? stream.substring(QUEUE.length()) : null;
  }
}
