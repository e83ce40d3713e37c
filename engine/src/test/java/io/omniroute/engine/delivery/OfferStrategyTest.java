package io.omniroute.engine.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.rules.model.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The order in which each strategy tries a queue's eligible agents. */
class OfferStrategyTest {
  private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");

  private static AgentState agent(String id, int chatCapacity, Instant availableSince, AgentWork work) {
    AgentProfile profile = new AgentProfile(id, id, List.of("central"), Map.of(Channel.CHAT, chatCapacity), 0);
    return new AgentState(profile, Presence.AVAILABLE, availableSince, work);
  }

  private static AgentWork assigned(int contacts, Instant idleSince, Instant lastOfferedAt) {
    List<AgentWork.Assignment> assignments = new ArrayList<>();
    for (int i = 0; i < contacts; i++) {
      assignments.add(new AgentWork.Assignment("c-" + i, "chat", T0));
    }
    return new AgentWork(List.of(), assignments, null, idleSince, lastOfferedAt, 0);
  }

  private static List<String> order(OfferStrategy strategy, AgentState... agents) {
    List<AgentState> sorted = new ArrayList<>(List.of(agents));
    sorted.sort(strategy.order("chat"));
    return sorted.stream().map(AgentState::id).toList();
  }

  @Test
  void longestIdlePrefersAgentsWithoutWorkThenTheOneFreeTheLongest() {
    AgentState busy = agent("busy", 3, T0, assigned(1, null, null));
    AgentState freeSinceNine = agent("free-since-nine", 3, T0, assigned(0, T0.plusSeconds(3600), null));
    AgentState freeSinceEight = agent("free-since-eight", 3, T0, assigned(0, null, null));
    AgentState justArrived = agent("just-arrived", 3, T0.plusSeconds(7200), assigned(0, null, null));

    assertThat(order(OfferStrategy.LONGEST_IDLE, busy, justArrived, freeSinceNine, freeSinceEight))
        .containsExactly("free-since-eight", "free-since-nine", "just-arrived", "busy");
  }

  @Test
  void leastBusyPrefersTheLowestLoadRelativeToCapacity() {
    AgentState halfFull = agent("half-full", 2, T0, assigned(1, null, null));
    AgentState thirdFull = agent("third-full", 3, T0, assigned(1, null, null));
    AgentState empty = agent("empty", 1, T0.plusSeconds(60), assigned(0, null, null));

    assertThat(order(OfferStrategy.LEAST_BUSY, halfFull, thirdFull, empty))
        .containsExactly("empty", "third-full", "half-full");
  }

  @Test
  void roundRobinPrefersTheAgentOfferedSomethingLeastRecently() {
    AgentState never = agent("never", 3, T0, assigned(1, null, null));
    AgentState early = agent("early", 3, T0, assigned(0, null, T0.plusSeconds(10)));
    AgentState late = agent("late", 3, T0, assigned(0, null, T0.plusSeconds(20)));

    assertThat(order(OfferStrategy.ROUND_ROBIN, late, early, never)).containsExactly("never", "early", "late");
  }

  @Test
  void wireNamesRoundTrip() {
    for (OfferStrategy strategy : OfferStrategy.values()) {
      assertThat(OfferStrategy.fromWire(strategy.wireName())).contains(strategy);
    }
    assertThat(OfferStrategy.LONGEST_IDLE.wireName()).isEqualTo("longest-idle");
    assertThat(OfferStrategy.fromWire("random")).isEmpty();
  }
}
