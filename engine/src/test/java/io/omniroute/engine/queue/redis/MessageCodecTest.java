package io.omniroute.engine.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.queue.Message;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessageCodecTest {
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00.123456789Z");

  @Test
  void decodesWhatItEncodes() {
    for (Message message : new Message[] {
        Message.inbound("c-1", AT, "email", "Grüße / \"quoted\"", "line one\nline two 🚗"),
        Message.inbound(null, AT, null, null, null),
        Message.outbound(AT, "chat", "agent-7", "Please come by"),
        Message.inbound("c-1", AT, "email", "subject", "text").withoutPersonalData()}) {
      assertThat(MessageCodec.decode(MessageCodec.encode(message))).isEqualTo(message);
    }
  }
}
