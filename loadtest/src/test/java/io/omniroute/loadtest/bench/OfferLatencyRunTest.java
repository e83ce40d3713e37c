package io.omniroute.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The load tool's reading of Server-Sent Events, however the stream is cut into chunks. */
class OfferLatencyRunTest {
  @Test
  void readsEventsSplitAcrossChunksAndSkipsCommentsAndIds() {
    List<String> seen = new ArrayList<>();
    OfferLatencyRun.SseLines lines = new OfferLatencyRun.SseLines((type, data) -> seen.add(type + " " + data));

    lines.feed(Buffer.buffer(": heartbeat\n\nretry: 3000\nid: 1-0\nevent: offer.off"));
    lines.feed(Buffer.buffer("ered\r\ndata: {\"offerId\":\"of-1\"}\n\nid: 2\nevent: contact.assigned\ndata: {}\n"));
    lines.feed(Buffer.buffer("\n"));

    assertThat(seen).containsExactly("offer.offered {\"offerId\":\"of-1\"}", "contact.assigned {}");
  }
}
