package io.omniroute.engine.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omniroute.engine.Caller;
import io.omniroute.engine.delivery.InvalidAgentException.FieldError;
import io.omniroute.engine.support.TestClock;
import io.omniroute.rules.directory.DirectoryLoader;
import io.omniroute.rules.model.Channel;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The agents registry's checks and who may do what, on the memory store and the bundled sample directory. */
class AgentServiceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Caller ADMIN = Caller.unrestricted("admin");
  private static final Caller MUNICH = Caller.dealer("munich", "DE-MUC-001");
  private static final Caller BERLIN = Caller.dealer("berlin", "DE-BER-001");
  private static final Caller SEPP = Caller.agent("sepp", "sepp");
  private static final String SEPP_BODY = """
      {"name": "Sepp Huber", "queues": ["dealer:DE-MUC-001"], "capacity": {"voice": 1, "chat": 3, "email": 10},
       "wrapUpSeconds": 10}""";
  private static final String BERLIN_BODY = """
      {"name": "Bert Berliner", "queues": ["dealer:DE-BER-001"], "capacity": {"chat": 2}}""";

  private final TestClock clock = new TestClock(Instant.parse("2026-01-05T08:00:00Z"));
  private final AgentService agents = new AgentService(new MemoryAgentStore(), DirectoryLoader.bundledSample(), clock);

  @Test
  void registersAnAgentOfflineSinceNowWithItsCapacityPerChannel() {
    AgentStore.Saved saved = await(agents.put("sepp", json(SEPP_BODY), ADMIN));

    assertThat(saved.created()).isTrue();
    AgentState sepp = saved.agent();
    assertThat(sepp.profile()).isEqualTo(new AgentProfile("sepp", "Sepp Huber", List.of("dealer:DE-MUC-001"),
        Map.of(Channel.VOICE, 1, Channel.CHAT, 3, Channel.EMAIL, 10), 10));
    assertThat(sepp.presence()).isEqualTo(Presence.OFFLINE);
    assertThat(sepp.presenceSince()).isEqualTo(clock.instant());
    assertThat(await(agents.put("sepp", json(SEPP_BODY), ADMIN)).created()).isFalse();
  }

  @Test
  void aMissingWrapUpIsZeroAndARepeatedQueueCountsOnce() {
    AgentState agent = await(agents.put("anna", json("""
        {"name": "Anna", "queues": ["country:DE", "central", "country:DE"], "capacity": {"email": 5}}"""), ADMIN)).agent();

    assertThat(agent.profile().wrapUpSeconds()).isZero();
    assertThat(agent.profile().queues()).containsExactly("country:DE", "central");
  }

  @Test
  void everyKindOfDirectoryQueueCanBeServed() {
    AgentState agent = await(agents.put("eva", json("""
        {"name": "Eva", "queues": ["central", "country:AT", "expert:ev-battery", "dealer:AT-VIE-001"],
         "capacity": {"voice": 1}, "wrapUpSeconds": 3600}"""), ADMIN)).agent();

    assertThat(agent.profile().queues()).hasSize(4);
  }

  @Test
  void anUnknownQueueIsNamedWithItsFieldAndNothingIsStored() {
    UnknownAgentQueueException e = failure(agents.put("sepp", json("""
        {"name": "Sepp", "queues": ["dealer:DE-MUC-001", "dealer:DE-XXX-999", "country:XX"], "capacity": {"chat": 1}}"""),
        ADMIN), UnknownAgentQueueException.class);

    assertThat(e.errors()).containsExactly(
        new FieldError("queues[1]", "'dealer:DE-XXX-999' is not a queue of the directory"),
        new FieldError("queues[2]", "'country:XX' is not a queue of the directory"));
    assertThat(await(agents.list(ADMIN))).isEmpty();
  }

  @Test
  void everyOffendingFieldIsNamedAtOnce() {
    InvalidAgentException e = failure(agents.put("sepp", json("""
        {"name": " ", "queues": ["dealer:DE-MUC-001", 7], "capacity": {"voice": 0, "fax": 1, "chat": 101, "sms": 2.5},
         "wrapUpSeconds": 3601, "colour": "blue"}"""), ADMIN), InvalidAgentException.class);

    assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
        "colour", "name", "queues[1]", "capacity.voice", "capacity.fax", "capacity.chat", "capacity.sms", "wrapUpSeconds");
    assertThat(e.errors()).contains(
        new FieldError("capacity.fax", "is not a channel (allowed: chat, email, sms, social, voice)"),
        new FieldError("capacity.voice", "must be a whole number from 1 to 100, not 0"),
        new FieldError("wrapUpSeconds", "must be a whole number from 0 to 3600, not 3601"));
  }

  @Test
  void nameQueuesAndCapacityAreRequired() {
    InvalidAgentException e = failure(agents.put("sepp", json("{}"), ADMIN), InvalidAgentException.class);

    assertThat(e.errors()).extracting(FieldError::field).containsExactly("name", "queues", "capacity");
  }

  @Test
  void anAgentServesAtLeastOneQueueAndOneChannel() {
    InvalidAgentException e = failure(agents.put("sepp", json("""
        {"name": "Sepp", "queues": [], "capacity": {}}"""), ADMIN), InvalidAgentException.class);

    assertThat(e.errors()).extracting(FieldError::field).containsExactly("queues", "capacity");
  }

  @Test
  void theIdMustLookLikeAnIdAndABodyIdMustBeThePathId() {
    InvalidAgentException badId = failure(agents.put("-sepp", json(SEPP_BODY), ADMIN), InvalidAgentException.class);
    InvalidAgentException otherId = failure(agents.put("sepp", json("""
        {"id": "anna", "name": "Sepp", "queues": ["central"], "capacity": {"chat": 1}}"""), ADMIN),
        InvalidAgentException.class);

    assertThat(badId.errors()).extracting(FieldError::field).containsExactly("id");
    assertThat(otherId.errors()).extracting(FieldError::message).containsExactly("is \"anna\" but the agent is stored as 'sepp'");
    assertThat(await(agents.put("sepp", json("""
        {"id": "sepp", "name": "Sepp", "queues": ["central"], "capacity": {"chat": 1}}"""), ADMIN)).created()).isTrue();
  }

  @Test
  void aWholeNumberMayBeWrittenWithAZeroFraction() {
    AgentState agent = await(agents.put("sepp", json("""
        {"name": "Sepp", "queues": ["central"], "capacity": {"chat": 3.0}, "wrapUpSeconds": 1e1}"""), ADMIN)).agent();

    assertThat(agent.profile().capacityOn(Channel.CHAT)).isEqualTo(3);
    assertThat(agent.profile().wrapUpSeconds()).isEqualTo(10);
  }

  @Test
  void aDealerRegistersAndReplacesAgentsOfItsOwnQueue() {
    assertThat(await(agents.put("sepp", json(SEPP_BODY), MUNICH)).created()).isTrue();
    assertThat(await(agents.put("sepp", json(SEPP_BODY.replace("Sepp Huber", "Sepp Maier")), MUNICH)).created()).isFalse();
    assertThat(await(agents.get("sepp", MUNICH)).profile().name()).isEqualTo("Sepp Maier");
  }

  @Test
  void aDealerCannotRegisterAnAgentOnAnotherQueue() {
    AgentOutOfScopeException other = failure(agents.put("sepp", json(SEPP_BODY), BERLIN), AgentOutOfScopeException.class);
    AgentOutOfScopeException mixed = failure(agents.put("sepp", json("""
        {"name": "Sepp", "queues": ["dealer:DE-MUC-001", "country:DE"], "capacity": {"chat": 1}}"""), MUNICH),
        AgentOutOfScopeException.class);

    assertThat(other).hasMessageContaining("agent sepp serves dealer:DE-MUC-001").hasMessageContaining("(dealer:DE-BER-001)");
    assertThat(mixed).hasMessageContaining("agent sepp serves country:DE");
    assertThat(await(agents.list(ADMIN))).isEmpty();
  }

  @Test
  void aDealerNamingAQueueThatIsNotItsOwnIsRefusedWhetherTheQueueExistsOrNot() {
    failure(agents.put("sepp", json("""
        {"name": "Sepp", "queues": ["dealer:DE-XXX-999"], "capacity": {"chat": 1}}"""), MUNICH), AgentOutOfScopeException.class);
    failure(agents.put("sepp", json("""
        {"name": "Sepp", "queues": ["dealer:DE-BER-001"], "capacity": {"chat": 1}}"""), MUNICH), AgentOutOfScopeException.class);
  }

  @Test
  void aDealerCannotTakeOverAnotherDealersAgent() {
    await(agents.put("bert", json(BERLIN_BODY), ADMIN));

    failure(agents.put("bert", json(SEPP_BODY), MUNICH), AgentOutOfScopeException.class);

    assertThat(await(agents.get("bert", ADMIN)).profile().queues()).containsExactly("dealer:DE-BER-001");
  }

  @Test
  void aDealerSeesOnlyItsOwnAgentsAndAnyOtherIsNotFound() {
    await(agents.put("sepp", json(SEPP_BODY), ADMIN));
    await(agents.put("bert", json(BERLIN_BODY), ADMIN));
    await(agents.put("anna", json("""
        {"name": "Anna", "queues": ["dealer:DE-MUC-001", "country:DE"], "capacity": {"chat": 1}}"""), ADMIN));

    assertThat(await(agents.list(MUNICH))).extracting(AgentState::id).containsExactly("sepp");
    assertThat(await(agents.list(ADMIN))).extracting(AgentState::id).containsExactly("anna", "bert", "sepp");
    assertThat(await(agents.get("sepp", MUNICH)).id()).isEqualTo("sepp");
    assertThat(failure(agents.get("bert", MUNICH), AgentNotFoundException.class)).hasMessage("no agent with id 'bert'");
    assertThat(failure(agents.get("anna", MUNICH), AgentNotFoundException.class)).hasMessage("no agent with id 'anna'");
    assertThat(failure(agents.get("nobody", MUNICH), AgentNotFoundException.class)).hasMessage("no agent with id 'nobody'");
  }

  @Test
  void aDealerSetsThePresenceOfItsOwnAgentsOnly() {
    await(agents.put("sepp", json(SEPP_BODY), ADMIN));
    await(agents.put("bert", json(BERLIN_BODY), ADMIN));

    assertThat(await(agents.setPresence("sepp", "busy", MUNICH)).presence()).isEqualTo(Presence.BUSY);
    failure(agents.setPresence("bert", "busy", MUNICH), AgentOutOfScopeException.class);
    failure(agents.setPresence("nobody", "busy", MUNICH), AgentNotFoundException.class);
    assertThat(await(agents.get("bert", ADMIN)).presence()).isEqualTo(Presence.OFFLINE);
  }

  @Test
  void anAgentReadsItselfAndSetsItsOwnPresence() {
    await(agents.put("sepp", json(SEPP_BODY), ADMIN));
    clock.advance(Duration.ofMinutes(5));

    AgentState available = await(agents.setPresence("sepp", "available", SEPP));

    assertThat(available.presence()).isEqualTo(Presence.AVAILABLE);
    assertThat(available.presenceSince()).isEqualTo(clock.instant());
    assertThat(await(agents.get("sepp", SEPP))).isEqualTo(available);
    assertThat(await(agents.list(SEPP))).containsExactly(available);
  }

  @Test
  void anAgentCannotReadOrSetAnotherAgent() {
    await(agents.put("sepp", json(SEPP_BODY), ADMIN));
    await(agents.put("bert", json(BERLIN_BODY), ADMIN));

    failure(agents.get("bert", SEPP), AgentNotFoundException.class);
    assertThat(failure(agents.setPresence("bert", "available", SEPP), AgentOutOfScopeException.class))
        .hasMessage("agent bert is not this caller: an agent may set only its own presence (agent:sepp)");
    failure(agents.setPresence("nobody", "available", SEPP), AgentOutOfScopeException.class);
    assertThat(await(agents.get("bert", ADMIN)).presence()).isEqualTo(Presence.OFFLINE);
  }

  @Test
  void anAgentCannotRegisterOrChangeItself() {
    await(agents.put("sepp", json(SEPP_BODY), ADMIN));

    failure(agents.put("sepp", json(SEPP_BODY.replace("\"voice\": 1", "\"voice\": 5")), SEPP), AgentOutOfScopeException.class);

    assertThat(await(agents.get("sepp", ADMIN)).profile().capacityOn(Channel.VOICE)).isEqualTo(1);
  }

  @Test
  void anAgentWhoIsNotRegisteredIsNotFoundEvenToItself() {
    failure(agents.get("sepp", SEPP), AgentNotFoundException.class);
    failure(agents.setPresence("sepp", "available", SEPP), AgentNotFoundException.class);
  }

  @Test
  void anUnknownPresenceNamesTheFieldAndChangesNothing() {
    await(agents.put("sepp", json(SEPP_BODY), ADMIN));

    InvalidAgentException e = failure(agents.setPresence("sepp", "asleep", ADMIN), InvalidAgentException.class);

    assertThat(e.errors()).containsExactly(
        new FieldError("presence", "must be one of available, busy, away, offline, not 'asleep'"));
    assertThat(await(agents.get("sepp", ADMIN)).presence()).isEqualTo(Presence.OFFLINE);
  }

  @Test
  void theSamePresenceAgainKeepsItsTime() {
    await(agents.put("sepp", json(SEPP_BODY), ADMIN));
    Instant since = await(agents.setPresence("sepp", "available", SEPP)).presenceSince();
    clock.advance(Duration.ofMinutes(30));

    assertThat(await(agents.setPresence("sepp", "available", SEPP)).presenceSince()).isEqualTo(since);
    assertThat(await(agents.setPresence("sepp", "away", SEPP)).presenceSince()).isEqualTo(clock.instant());
  }

  @Test
  void replacingAnAgentKeepsItsPresence() {
    await(agents.put("sepp", json(SEPP_BODY), ADMIN));
    AgentState available = await(agents.setPresence("sepp", "available", SEPP));
    clock.advance(Duration.ofMinutes(1));

    AgentState replaced = await(agents.put("sepp", json(SEPP_BODY.replace("\"chat\": 3", "\"chat\": 4")), MUNICH)).agent();

    assertThat(replaced.presence()).isEqualTo(Presence.AVAILABLE);
    assertThat(replaced.presenceSince()).isEqualTo(available.presenceSince());
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static <E extends Throwable> E failure(Future<?> future, Class<E> type) {
    try {
      future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(type);
      return type.cast(e.getCause());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected " + type.getSimpleName() + " but the future succeeded");
  }
}
