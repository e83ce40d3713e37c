package io.omniroute.engine.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import io.omniroute.engine.StoreOptions;
import io.omniroute.engine.customer.RedisCustomerStore;
import io.omniroute.engine.delivery.RedisAgentStore;
import io.omniroute.engine.queue.Accepted;
import io.omniroute.engine.queue.redis.RedisQueueStore;
import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.rules.RedisRuleStore;
import io.omniroute.engine.support.Eventually;
import io.omniroute.engine.support.RedisForTests;
import io.omniroute.engine.support.RunningEngine;
import io.omniroute.engine.webhook.RedisWebhookStore;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The IMAP poller against a real IMAP server in this JVM (GreenMail): it drains a mailbox through
 * the same intake as posted mail, marks a message seen only after its contact is stored, and loses
 * nothing and stores nothing twice when the engine dies between the two.
 */
class EmailImapPollerIT {
  private static final String MAILBOX = "service@autohaus-muenchen.example";
  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP))
      .withPerMethodLifecycle(true);

  private GreenMailUser user;

  @BeforeEach
  void mailbox() {
    user = MAIL.setUser(MAILBOX, "service", "imap-secret");
  }

  private EmailOptions.Imap imap(ImapPoller.Listener listener) {
    return new EmailOptions.Imap("127.0.0.1", MAIL.getImap().getPort(), EmailOptions.Security.NONE, "service",
        Secret.of("imap-secret"), "INBOX", Duration.ofMillis(200), listener);
  }

  private void deliver(String raw) throws Exception {
    user.deliver(new MimeMessage(Session.getInstance(new Properties()),
        new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
  }

  private List<StoredMessage> inbox() {
    try {
      return MAIL.getManagers().getImapHostManager().getInbox(user).getMessages();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private long unseen() {
    return inbox().stream().filter(message -> !message.isSet(Flags.Flag.SEEN)).count();
  }

  @Test
  void drainsTheMailboxIntoContactsAndMarksEachSeen() throws Exception {
    List<Accepted> stored = new CopyOnWriteArrayList<>();
    deliver(EmailFixtures.mail("one@mail.example.com", null, "anna@example.com", MAILBOX, "Inspection", "When is my car ready?"));
    deliver(EmailFixtures.mail("two@mail.example.com", "one@mail.example.com", "anna@example.com", MAILBOX, "Re: Inspection",
        "And the brakes?"));
    deliver(new String(EmailFixtures.read("hostile-truncated-mime.eml"), StandardCharsets.ISO_8859_1));

    try (RunningEngine engine = RunningEngine.start(RunningEngine.testOptions()
        .withEmail(EmailOptions.defaults().withImap(imap(stored::add))), Clock.systemUTC())) {
      Eventually.until(this::unseen, count -> count == 0, WAIT);

      assertThat(stored).hasSize(2);
      assertThat(stored.get(1).record().conversationId()).isEqualTo(stored.get(0).record().id());
      JsonObject contact = new JsonObject(engine.get("/v1/contacts/" + stored.get(0).record().id()).body()).getJsonObject("contact");
      assertThat(contact.getString("dealerId")).isEqualTo("DE-MUC-001");
      assertThat(contact.getString("text")).isEqualTo("When is my car ready?");
      assertThat(engine.get("/health/ready").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void losesNothingAndStoresNothingTwiceWhenTheEngineDiesBetweenStoringAndMarkingSeen() throws Exception {
    String namespace = "imap-" + UUID.randomUUID();
    deliver(EmailFixtures.mail("crash@mail.example.com", null, "anna@example.com", MAILBOX, "Inspection", "When is my car ready?"));
    List<Accepted> beforeCrash = new CopyOnWriteArrayList<>();
    ImapPoller.Listener diesAfterStoring = accepted -> {
      beforeCrash.add(accepted);
      throw new IllegalStateException("the engine dies before it marks the message seen");
    };

    try (RunningEngine first = onRedis(namespace, imap(diesAfterStoring))) {
      Eventually.until(() -> beforeCrash.size(), size -> size >= 1, WAIT);
    }
    assertThat(unseen()).isEqualTo(1);
    deliver(EmailFixtures.mail("while-down@mail.example.com", null, "ben@example.com", MAILBOX, "Tyres", "Winter tyres?"));

    List<Accepted> afterRestart = new CopyOnWriteArrayList<>();
    try (RunningEngine second = onRedis(namespace, imap(afterRestart::add))) {
      Eventually.until(this::unseen, count -> count == 0, WAIT);

      assertThat(afterRestart).hasSize(2);
      Accepted again = afterRestart.get(0);
      assertThat(again.created()).isFalse();
      assertThat(again.record().id()).isEqualTo(beforeCrash.get(0).record().id());
      assertThat(afterRestart.get(1).created()).isTrue();
      String conversation = second.get("/v1/conversations/" + again.record().conversationId()).body();
      assertThat(new JsonObject(conversation).getInteger("messageCount")).isEqualTo(1);
    }
  }

  private static RunningEngine onRedis(String namespace, EmailOptions.Imap imap) {
    RedisConnection connection = RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(2));
    StoreOptions.Stores stores = new StoreOptions.Stores(RedisQueueStore.open(connection, namespace, 1, Duration.ofHours(1)),
        new RedisRuleStore(connection, namespace), RedisCustomerStore.open(connection, namespace),
        RedisAgentStore.open(connection, namespace), RedisWebhookStore.open(connection, namespace));
    return RunningEngine.start(RunningEngine.testOptions().withEscalationInterval(Duration.ofHours(1))
        .withEmail(EmailOptions.defaults().withImap(imap)), stores, Clock.systemUTC());
  }
}
