package io.omniroute.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.queue.Accepted;
import io.omniroute.engine.queue.ContactStatus;
import org.junit.jupiter.api.Test;

/** The conversation benchmark measures what it says (new contacts queue, follow-ups join), and the heap a contact costs. */
class ConversationIntakeBenchmarkTest {
  @Test
  void aNewContactOpensItsConversationAndAFollowUpJoinsAnOpenOne() {
    for (String contact : new String[] {"new", "followUp"}) {
      ConversationIntakeBenchmark benchmark = new ConversationIntakeBenchmark();
      benchmark.contact = contact;
      benchmark.openConversations = 1_000;
      benchmark.setUp();

      Accepted accepted = benchmark.intake();

      assertThat(accepted.created()).isTrue();
      if (contact.equals("new")) {
        assertThat(accepted.record().status()).isEqualTo(ContactStatus.QUEUED);
        assertThat(accepted.record().conversationId()).isEqualTo(accepted.record().id());
      } else {
        assertThat(accepted.record().status()).isEqualTo(ContactStatus.JOINED);
        assertThat(accepted.carrier().id()).isEqualTo(accepted.record().conversationId());
      }
    }
  }

  @Test
  void aWaitingContactWithItsConversationTakesAtMost1500BytesOfHeap() {
    assertThat(ContactFootprint.bytesPerContact(50_000)).isLessThanOrEqualTo(1_500);
  }
}
