package io.omniroute.engine;

import io.omniroute.engine.api.EmailApi;
import io.omniroute.engine.channel.email.EmailChannel;
import io.omniroute.engine.api.ApiContract;
import io.omniroute.engine.api.ApiHandlers;
import io.omniroute.engine.api.ContactsApi;
import io.omniroute.engine.api.ConversationsApi;
import io.omniroute.engine.conversation.ConversationService;
import io.omniroute.engine.conversation.OutboundChannels;
import io.omniroute.engine.api.AdapterIntake;
import io.omniroute.engine.api.TwilioApi;
import io.omniroute.engine.channel.twilio.SmsThreads;
import io.omniroute.engine.channel.twilio.TwilioWebhooks;
import io.omniroute.engine.api.AgentsApi;
import io.omniroute.engine.api.CustomersApi;
import io.omniroute.engine.api.EventStreamsApi;
import io.omniroute.engine.api.OpsApi;
import io.omniroute.engine.api.PartnerChannelsApi;
import io.omniroute.engine.api.SocialApi;
import io.omniroute.engine.channel.social.PartnerChannelService;
import io.omniroute.engine.channel.social.SocialPosts;
import io.omniroute.engine.api.QueuesApi;
import io.omniroute.engine.api.RulesApi;
import io.omniroute.engine.api.WebhooksApi;
import io.omniroute.engine.auth.Authorizer;
import io.omniroute.engine.channel.chat.ChatChannel;
import io.omniroute.engine.escalation.EscalationScheduler;
import io.omniroute.engine.contact.ContactEvents;
import io.omniroute.engine.contact.ContactService;
import io.omniroute.engine.customer.CustomerIdentification;
import io.omniroute.engine.customer.CustomerService;
import io.omniroute.engine.delivery.AgentService;
import io.omniroute.engine.delivery.OfferService;
import io.omniroute.engine.metrics.ContactMetrics;
import io.omniroute.engine.metrics.EngineMetrics;
import io.omniroute.engine.metrics.MeasuredQueueStore;
import io.omniroute.engine.queue.QueueStore;
import io.omniroute.engine.queue.memory.MemoryQueueStore;
import io.omniroute.engine.rules.RecentContacts;
import io.omniroute.engine.rules.RuleStore;
import io.omniroute.engine.rules.RulesService;
import io.omniroute.engine.webhook.Webhooks;
import io.omniroute.engine.stream.EventStreamService;
import io.omniroute.engine.stream.LiveListeners;
import io.omniroute.engine.stream.QueueDepths;
import io.omniroute.engine.stream.StreamAppender;
import io.omniroute.engine.stream.StreamMeters;
import io.omniroute.rules.CompilerWarmUp;
import io.omniroute.rules.directory.Directory;
import io.omniroute.rules.directory.DirectoryLoader;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A running engine: loads the directory (on a worker thread) and the active rules ({@link
 * RulesService}), starts the webhooks ({@link Webhooks}), then deploys the HTTP verticles, the
 * escalation timer, the offer sweep, and the event streams: a {@link StreamAppender} that appends
 * the contact lifecycle's events to the agent and queue streams, this node's {@link LiveListeners}
 * fed by the event store, and the timer of {@link QueueDepths}.
 *
 * <p>Start with {@link #start}; {@link #close()} stops the server, the timers, the appender and the
 * stores. The engine owns its {@link Vertx} instance. Thread-safe.
 */
public final class Engine {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Engine.class);
  private final Vertx vertx;
  private final QueueStore store;
  private final StoreOptions.Stores stores;
  private final EngineMetrics metrics;
  private final EscalationScheduler escalation;
  private final OfferService offers;
  private final ContactEvents events;
  private final StreamAppender appender;
  private final int port;
  private final AtomicBoolean closing = new AtomicBoolean();

  private Engine(
      Vertx vertx, QueueStore store, StoreOptions.Stores stores, EngineMetrics metrics, EscalationScheduler escalation,
      OfferService offers, ContactEvents events, StreamAppender appender, int port) {
    this.vertx = vertx;
    this.store = store;
    this.stores = stores;
    this.metrics = metrics;
    this.escalation = escalation;
    this.offers = offers;
    this.events = events;
    this.appender = appender;
    this.port = port;
  }

  /** Starts an engine with the memory stores and the system clock. */
  public static Future<Engine> start(EngineOptions options) {
    return start(options, new MemoryQueueStore(), Clock.systemUTC());
  }

  /** Starts an engine on the given queue store, with rules, customers and agents kept in memory. */
  public static Future<Engine> start(EngineOptions options, QueueStore unmeasuredStore, Clock clock) {
    return start(options, StoreOptions.Stores.inMemory(unmeasuredStore), clock);
  }

  /**
   * Starts an engine on the given stores and clock: loads the directory, then the active rules
   * (seeding the bundled default as {@code global} version 1 into an empty rule store). Fails with
   * the directory's or the rules' message when either cannot be loaded; nothing keeps running then.
   */
  public static Future<Engine> start(EngineOptions options, StoreOptions.Stores stores, Clock clock) {
    Vertx vertx = Vertx.vertx();
    EngineMetrics metrics = new EngineMetrics();
    QueueStore store = new MeasuredQueueStore(stores.queues(), metrics.registry());
    RuleStore ruleStore = stores.rules();
    ContactEvents events = new ContactEvents();
    ContactMetrics.subscribeTo(events, metrics);
    AtomicReference<EscalationScheduler> escalation = new AtomicReference<>();
    OfferService offers = new OfferService(store, stores.agents(), events, options.offers(), clock);
    metrics.agentGauges(offers);
    RecentContacts recent = new RecentContacts(RecentContacts.DEFAULT_CAPACITY);
    AtomicReference<HttpVerticle> first = new AtomicReference<>();
    StreamMeters streamMeters = new StreamMeters(metrics.registry());
    StreamAppender appender = StreamAppender.start(events, stores.events(), options.streams().retention(), streamMeters);
    AtomicReference<QueueDepths> depths = new AtomicReference<>();
    Future<Engine> started = vertx.executeBlocking(() -> loadDirectory(options), false)
        .compose(directory -> RulesService.start(vertx, ruleStore, directory, options.serviceLevels(), metrics, clock)
            .compose(rules -> Webhooks.start(vertx, stores.webhooks(), options.webhooks(), directory, events,
                    metrics.registry(), clock)
                .compose(webhooks -> vertx.executeBlocking(ApiContract::load, false).compose(contract -> {
              directory.queues().keySet().forEach(metrics::knownQueue);
              ContactService contacts = new ContactService(store, rules::current, recent, directory,
                  options.serviceLevels(), events, new CustomerIdentification(stores.customers()), clock);
              contacts.reserveWith(offers);
              escalation.set(new EscalationScheduler(contacts));
              stores.customers().onErasure(recent::forgetCustomer);
              OutboundChannels outbound = new OutboundChannels();
              ConversationService conversations = new ConversationService(store, clock, outbound);
              AdapterIntake adapterIntake = new AdapterIntake(contacts, contract.schemas());
              ChatChannel chat = new ChatChannel(adapterIntake, store, directory, stores.chats(), options.chat(), clock);
              outbound.register("chat", chat.outbound());
              EmailChannel email = new EmailChannel(vertx, options.email(), adapterIntake, directory, outbound);
              AgentService agents = new AgentService(stores.agents(), directory, clock, offers::agentChanged);
              PartnerChannelService partnerChannels =
                  new PartnerChannelService(stores.social().partnerChannels(), directory, clock);
              Authorizer authorizer = Authorizer.create(options.tokens());
              depths.set(new QueueDepths(contacts, clock));
              LiveListeners live = new LiveListeners(depths.get()::changed);
              depths.get().sendTo(live);
              stores.events().deliverTo(live);
              EventStreamService streams = new EventStreamService(stores.events(), live, agents, contacts, depths.get(),
                  options.streams(), streamMeters);
              ApiHandlers api = new ApiHandlers(
                  authorizer::forOperation,
                  new ContactsApi(contacts),
                  new ConversationsApi(conversations),
                  new QueuesApi(contacts, clock),
                  new CustomersApi(
                      new CustomerService(stores.customers(), directory, contacts, ruleStore::appendAudit, clock),
                      conversations),
                  new AgentsApi(agents, offers),
                  new WebhooksApi(webhooks.service()),
                  new EventStreamsApi(streams, authorizer::decide, contract.schemas()),
                  new RulesApi(rules, recent, directory),
                  new OpsApi(contacts, metrics, clock),
                  new TwilioApi(new TwilioWebhooks(options.twilio(), adapterIntake, contacts,
                      new SmsThreads(store, options.twilio().smsJoinWindow(), clock), directory)),
                  chat,
                  new SocialApi(new SocialPosts(adapterIntake::submit, contacts, partnerChannels,
                      stores.social().posts(), clock), options.social().enabled()),
                  new PartnerChannelsApi(partnerChannels),
                  new EmailApi(email));
              return vertx.deployVerticle(() -> {
                HttpVerticle verticle = new HttpVerticle(options, contract, api);
                first.compareAndSet(null, verticle);
                return verticle;
              }, new DeploymentOptions().setInstances(options.instances()))
                  .compose(deployment -> email.startPolling().map(deployment));
            }))))
        .map(deployment -> {
          vertx.setPeriodic(options.escalationInterval().toMillis(), id -> escalation.get().runOnce());
          vertx.setPeriodic(options.offers().sweepInterval().toMillis(), id -> offers.sweep()
              .onFailure(failure -> LOG.warn("the offer sweep failed; the next one tries again: {}", failure.toString())));
          vertx.setPeriodic(QueueDepths.INTERVAL.toMillis(), id -> depths.get().flush());
          return new Engine(vertx, store, stores, metrics, escalation.get(), offers, events, appender,
              first.get().actualPort());
        });
    return started.onFailure(failure -> vertx.close().onComplete(closed -> closeStores(appender, stores, store)));
  }

  private static Directory loadDirectory(EngineOptions options) {
    return options.directory() == null ? DirectoryLoader.bundledSample() : DirectoryLoader.load(options.directory());
  }

  /** The port the HTTP server listens on. */
  public int port() {
    return port;
  }

  /**
   * The engine's Vert.x instance, for tools that measure it (how late its event loops run). Do not
   * deploy on it or close it: the engine owns it.
   */
  public Vertx vertx() {
    return vertx;
  }

  public EngineMetrics metrics() {
    return metrics;
  }

  public QueueStore store() {
    return store;
  }

  /**
   * The publisher of this engine's contact events: what the metrics, the event streams and the
   * other subscribers hear. Tests publish events of steps the engine does not take itself through it.
   */
  public ContactEvents events() {
    return events;
  }

  /** The escalation pass the timer runs; tests call it directly with their own clock. */
  public EscalationScheduler escalation() {
    return escalation;
  }

  /** The offer engine; tests call its {@link OfferService#sweep()} directly with their own clock. */
  public OfferService offers() {
    return offers;
  }

  /**
   * Runs {@link CompilerWarmUp} on a worker thread, so a supervisor's first rule upload finds the
   * rule compiler compiled by the JIT. The engine serves requests meanwhile; the warm-up stops
   * early when the engine closes.
   */
  public Future<CompilerWarmUp.Result> warmUpRuleCompiler(int rounds) {
    return vertx.executeBlocking(() -> CompilerWarmUp.run(rounds, closing::get), false);
  }

  /**
   * Stops the server, the timers, the webhook deliveries and the stream appender, then closes the
   * event streams, the chat sessions, the webhook store, the agent store, the customer store, the rule store and the
   * queue store.
   */
  public Future<Void> close() {
    closing.set(true);
    return vertx.close().onComplete(done -> closeStores(appender, stores, store));
  }

  private static void closeStores(StreamAppender appender, StoreOptions.Stores stores, QueueStore measuredQueues) {
    appender.close();
    stores.events().close();
    stores.chats().close();
    stores.webhooks().close();
    stores.social().close();
    stores.agents().close();
    stores.customers().close();
    stores.rules().close();
    measuredQueues.close();
  }
}
