package io.omniroute.loadtest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import io.omniroute.adapters.chat.ChatContact;
import io.omniroute.adapters.chat.ChatFrame;
import io.omniroute.adapters.chat.ChatFrames;
import io.omniroute.adapters.chat.ChatLimits;
import io.omniroute.adapters.email.InboundMail;
import io.omniroute.adapters.social.SocialPost;
import io.omniroute.adapters.twilio.FormBody;
import io.omniroute.adapters.twilio.TwilioSignature;
import io.omniroute.engine.Caller;
import io.omniroute.engine.api.AdapterIntake;
import io.omniroute.engine.api.ContractSchemas;
import io.omniroute.engine.api.JsonBodies;
import io.omniroute.engine.channel.social.PartnerChannelService;
import io.omniroute.engine.channel.social.SocialPosts;
import io.omniroute.engine.channel.social.SocialStores;
import io.omniroute.engine.channel.twilio.SmsThreads;
import io.omniroute.engine.channel.twilio.TwilioOptions;
import io.omniroute.engine.channel.twilio.TwilioWebhooks;
import io.omniroute.engine.contact.ContactEvents;
import io.omniroute.engine.contact.ContactService;
import io.omniroute.engine.customer.CustomerIdentification;
import io.omniroute.engine.customer.MemoryCustomerStore;
import io.omniroute.engine.queue.memory.MemoryQueueStore;
import io.omniroute.engine.rules.RecentContacts;
import io.omniroute.rules.RuleBook;
import io.omniroute.rules.RuleSet;
import io.omniroute.rules.ServiceLevels;
import io.omniroute.rules.directory.Directory;
import io.omniroute.rules.directory.DirectoryLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Intake of one contact through each channel adapter beside the JSON API, in one run: from the
 * bytes as they arrive to the stored contact, without HTTP. {@code json} is what {@code POST
 * /v1/contacts} does with its body (strict parse, schema validation, {@link ContactService#submit}
 * with an idempotency key); {@code twilio-voice} and {@code twilio-sms} are what the Twilio
 * endpoints do with a form (parse, signature check, mapping, the SMS's conversation look-up, the
 * contact's schema check and the same submit); {@code mastodon} what the social endpoint does with
 * a Mastodon status (strict JSON parse, HTML to text, the post index and partner channel look-ups,
 * the same submit); {@code chat} what the chat socket does with the first message of a chat (frame
 * parse, the contact, the same submit); {@code email} what the email endpoint does with a small
 * raw mail (MIME parse with Angus Mail, the new text apart from the quote and the signature, the
 * directory's address look-up, the same submit). Compare each adapter's throughput with {@code json}'s.
 *
 * <p>Every operation takes a payload never seen before (its own message id); each iteration starts
 * with an empty memory store.
 *
 * <p>Run: {@code java -jar loadtest/target/omniroute-benchmarks.jar AdapterIntakeBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class AdapterIntakeBenchmark {
  private static final int PAYLOADS = 1 << 17;
  private static final Caller TELEPHONY = Caller.unrestricted("telephony");
  private static final String TOKEN = "benchmark-auth-token";
  private static final String VOICE_PATH = "/v1/channels/twilio/voice";
  private static final String SMS_PATH = "/v1/channels/twilio/sms";

  @Param({"json", "twilio-voice", "twilio-sms", "email", "mastodon", "chat"})
  public String channel;

  private final Directory directory = DirectoryLoader.bundledSample();
  private final RuleBook rules = RuleBook.of(RuleSet.defaultPolicy());
  private ContractSchemas schemas;
  private JsonSchema contactSchema;
  private byte[][] json;
  private String[] forms;
  private String[] signatures;
  private ContactService contacts;
  private TwilioWebhooks twilio;
  private AdapterIntake adapterIntake;
  private SocialPosts social;
  private int next;

  @Setup
  public void payloads() {
    schemas = ContractSchemas.of(contract());
    contactSchema = schemas.operation("createContact").body().schema();
    json = new byte[PAYLOADS][];
    forms = new String[PAYLOADS];
    signatures = new String[PAYLOADS];
    for (int i = 0; i < PAYLOADS; i++) {
      String from = String.format("+49152%08d", i);
      switch (channel) {
        case "json" -> json[i] = ("{\"channel\":\"sms\",\"from\":{\"phone\":\"" + from + "\"},\"dealerId\":\"DE-MUC-001\","
            + "\"text\":\"Ist mein Auto fertig? Gruesse\",\"references\":{\"messageId\":\"SM" + i + "\"}}")
            .getBytes(StandardCharsets.UTF_8);
        case "mastodon" -> json[i] = ("{\"id\":\"" + (113427800000000000L + i) + "\",\"visibility\":\"public\","
            + "\"url\":\"https://mastodon.social/@user" + i + "/" + (113427800000000000L + i) + "\","
            + "\"content\":\"<p><a href=\\\"https://social.example/@autohaus_muenchen\\\" class=\\\"u-url mention\\\">"
            + "@<span>autohaus_muenchen</span></a> my car shows a warning light. Can you book me in this week?</p>\","
            + "\"account\":{\"id\":\"" + (1000 + i) + "\",\"acct\":\"user" + i + "\",\"display_name\":\"User\","
            + "\"url\":\"https://mastodon.social/@user" + i + "\"},\"mentions\":[{\"id\":\"1\","
            + "\"acct\":\"autohaus_muenchen@social.example\",\"url\":\"https://social.example/@autohaus_muenchen\"}]}")
            .getBytes(StandardCharsets.UTF_8);
        case "email" -> json[i] = ("Message-ID: <" + i + ".benchmark@mail.example.com>\r\nFrom: Jürgen Huber <kunde" + i
            + "@example.com>\r\nTo: service@autohaus-muenchen.example\r\nSubject: =?UTF-8?Q?Ist_mein_Auto_fertig=3F?=\r\n"
            + "Date: Sun, 6 Dec 2026 09:00:00 +0100\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
            + "Content-Transfer-Encoding: quoted-printable\r\n\r\nGr=C3=BC=C3=9F Gott, ist mein Auto schon fertig?\r\n"
            + "Es macht ein Ger=C3=A4usch beim Bremsen.\r\n\r\n-- \r\nJ=C3=BCrgen Huber\r\n")
            .getBytes(StandardCharsets.UTF_8);
        case "chat" -> forms[i] = "{\"type\":\"message\",\"id\":\"" + String.format("%032x", i)
            + "\",\"text\":\"Is my car ready? It makes a noise.\"}";
        case "twilio-voice" -> sign(i, VOICE_PATH, "AccountSid=AC0123456789abcdef0123456789abcdef&CallSid=" + sid("CA", i)
            + "&CallStatus=ringing&Direction=inbound&From=" + enc(from) + "&To=" + enc("+498912340000") + "&CallerCountry=DE"
            + "&SpeechResult=" + enc("Ist mein Auto fertig?"));
        default -> sign(i, SMS_PATH, "AccountSid=AC0123456789abcdef0123456789abcdef&MessageSid=" + sid("SM", i)
            + "&From=" + enc(from) + "&To=" + enc("+498912340000") + "&FromCountry=DE&NumMedia=0"
            + "&Body=" + enc("Ist mein Auto fertig? Grüße"));
      }
    }
  }

  @Setup(Level.Iteration)
  public void emptyStore() throws JsonBodies.MalformedJsonException {
    MemoryQueueStore store = new MemoryQueueStore();
    contacts = new ContactService(store, () -> rules, new RecentContacts(RecentContacts.DEFAULT_CAPACITY), directory,
        ServiceLevels.defaults(), new ContactEvents(), new CustomerIdentification(new MemoryCustomerStore()),
        Clock.systemUTC());
    TwilioOptions options = TwilioOptions.off().withAuthToken(TOKEN).withPublicUrl(URI.create("https://omniroute.example.com"));
    adapterIntake = new AdapterIntake(contacts, schemas);
    twilio = new TwilioWebhooks(options, adapterIntake, contacts,
        new SmsThreads(store, options.smsJoinWindow(), Clock.systemUTC()), directory);
    SocialStores socialStores = SocialStores.inMemory();
    PartnerChannelService partners = new PartnerChannelService(socialStores.partnerChannels(), directory, Clock.systemUTC());
    partners.put("muc-mastodon", JsonBodies.read(("{\"network\":\"mastodon\",\"page\":\"@autohaus_muenchen@social.example\","
        + "\"dealerId\":\"DE-MUC-001\"}").getBytes(StandardCharsets.UTF_8)), Caller.unrestricted("admin")).result();
    social = new SocialPosts(adapterIntake::submit, contacts, partners, socialStores.posts(), Clock.systemUTC());
    next = 0;
  }

  @Benchmark
  public Object intake() throws Exception {
    int i = next++ & (PAYLOADS - 1);
    return switch (channel) {
      case "json" -> {
        JsonNode body = JsonBodies.read(json[i]);
        if (!contactSchema.validate(body).isEmpty()) {
          throw new IllegalStateException("invalid body");
        }
        yield contacts.submit(body, TELEPHONY, "key-" + i).result();
      }
      case "mastodon" -> social.receive(SocialPost.parse("mastodon", JsonBodies.read(json[i])), TELEPHONY).result();
      case "email" -> {
        InboundMail mail = InboundMail.parse(json[i]);
        yield adapterIntake.submit(mail.toContact(directory), TELEPHONY, mail.idempotencyKey()).result();
      }
      case "chat" -> {
        ChatFrame.Message message = (ChatFrame.Message) ChatFrames.parse(forms[i], ChatLimits.DEFAULTS);
        String thread = ChatContact.threadKey(message.id());
        yield adapterIntake.submit(ChatContact.of("DE-MUC-001", "DE", thread, message.text()), TELEPHONY,
            ChatContact.idempotencyKey(thread, message.id())).result();
      }
      case "twilio-voice" -> twilio.call(twilio.verified(VOICE_PATH, forms[i], signatures[i]).orElseThrow()).result();
      default -> twilio.sms(twilio.verified(SMS_PATH, forms[i], signatures[i]).orElseThrow()).result();
    };
  }

  private void sign(int i, String path, String form) {
    forms[i] = form;
    signatures[i] = TwilioSignature.sign(TOKEN, "https://omniroute.example.com" + path, FormBody.parse(form).params());
  }

  private static String sid(String prefix, int i) {
    return prefix + String.format("%032x", i);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String contract() {
    try (InputStream in = ContractSchemas.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
