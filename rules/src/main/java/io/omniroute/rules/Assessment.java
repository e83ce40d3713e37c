package io.omniroute.rules;

import io.omniroute.rules.model.Channel;
import io.omniroute.rules.model.Contact;
import io.omniroute.rules.model.Knowledge;
import io.omniroute.rules.model.Relationship;
import io.omniroute.rules.model.Level;
import io.omniroute.rules.model.QueueNames;
import io.omniroute.rules.model.Route;
import io.omniroute.rules.model.Urgency;

/**
 * The working fact of one decision: the contact as the rules see it, plus what the rules decide
 * about it.
 *
 * <p>A decision runs in two stages. <b>Classification</b> rules match {@code Assessment( !classified,
 * ... )} and set the knowledge, urgency and topic with plain setters, each in its own {@code
 * activation-group} so the first match (highest salience) wins. One rule then marks the assessment
 * {@code classified} with a single {@code modify}. <b>Routing</b> rules match {@code Assessment(
 * classified, ... )} in the activation group {@code "route"}: the first match routes and the others
 * are cancelled. Contact fields ({@link #getDealerId()}, {@link #getCountry()}, ...) and text tests
 * ({@link #mentionsAny}) are on the assessment itself, so a rule needs one pattern and a
 * constraint such as {@code dealerId == "DE-BER-01"} is hashed by Drools: a thousand dealer rules
 * cost one lookup, not a thousand tests.
 *
 * <p>Mutable and confined to one decision on one thread; never shared.
 */
public final class Assessment {
  private final Contact contact;
  private boolean classified;
  private Knowledge knowledge;
  private Urgency urgency;
  private String topic;
  private String expertTeam;
  private Route route;
  private String contextDealerId;
  private long responseTargetSeconds;
  private boolean routeLocked;

  /** A fresh assessment of {@code contact}, not yet classified. */
  public Assessment(Contact contact) {
    this.contact = contact;
  }

  public Contact getContact() {
    return contact;
  }

  /** Whether classification is complete and routing rules may match. */
  public boolean isClassified() {
    return classified;
  }

  public void setClassified(boolean classified) {
    this.classified = classified;
  }

  public Channel getChannel() {
    return contact.getChannel();
  }

  public String getCountry() {
    return contact.getCountry();
  }

  public String getDealerId() {
    return contact.getDealerId();
  }

  public String getOwnerDealerId() {
    return contact.getOwnerDealerId();
  }

  public String getCustomerId() {
    return contact.getCustomerId();
  }

  /** See {@link Contact#getRelationship()}. */
  public Relationship getRelationship() {
    return contact.getRelationship();
  }

  /** See {@link Contact#getSegment()}. */
  public String getSegment() {
    return contact.getSegment();
  }

  /** See {@link Contact#getPreviousQueue()}. */
  public String getPreviousQueue() {
    return contact.getPreviousQueue();
  }

  /** See {@link Contact#getPreviousAgent()}. */
  public String getPreviousAgent() {
    return contact.getPreviousAgent();
  }

  /**
   * The dealer whose queue last answered the conversation this contact reopens; {@code null} when
   * it reopens none or was last answered elsewhere.
   */
  public String getPreviousDealerId() {
    String queue = contact.getPreviousQueue();
    return queue != null && QueueNames.levelOf(queue) == Level.DEALER ? QueueNames.idOf(queue) : null;
  }

  /** See {@link Contact#isReopening()}. */
  public boolean isReopening() {
    return contact.isReopening();
  }

  /** Whether a customer profile identified the sender. */
  public boolean isIdentified() {
    return contact.getRelationship() != null;
  }

  public String getLanguage() {
    return contact.getLanguage();
  }

  /** See {@link Contact#mentionsAny(String)}. */
  public boolean mentionsAny(String phrases) {
    return contact.mentionsAny(phrases);
  }

  /** See {@link Contact#hasAnyReference(String)}. */
  public boolean hasAnyReference(String names) {
    return contact.hasAnyReference(names);
  }

  public Knowledge getKnowledge() {
    return knowledge;
  }

  public void setKnowledge(Knowledge knowledge) {
    this.knowledge = knowledge;
  }

  public Urgency getUrgency() {
    return urgency;
  }

  public void setUrgency(Urgency urgency) {
    this.urgency = urgency;
  }

  public String getTopic() {
    return topic;
  }

  public void setTopic(String topic) {
    this.topic = topic;
  }

  /** The expert team covering this contact's topic and country, or {@code null}. */
  public String getExpertTeam() {
    return expertTeam;
  }

  public void setExpertTeam(String expertTeam) {
    this.expertTeam = expertTeam;
  }

  public Route getRoute() {
    return route;
  }

  public void setRoute(Route route) {
    this.route = route;
  }

  /** A dealer kept as context when the contact is routed above it (for example urgent cases). */
  public String getContextDealerId() {
    return contextDealerId;
  }

  public void setContextDealerId(String contextDealerId) {
    this.contextDealerId = contextDealerId;
  }

  /** A first-response target set by a rule, in seconds; 0 means the configured service level. */
  public long getResponseTargetSeconds() {
    return responseTargetSeconds;
  }

  public void setResponseTargetSeconds(long responseTargetSeconds) {
    this.responseTargetSeconds = responseTargetSeconds;
  }

  /**
   * Whether a global rule made the route final ({@link #lockRoute()}): country rules are then not
   * consulted for this contact.
   */
  public boolean isRouteLocked() {
    return routeLocked;
  }

  /**
   * Makes the current decision final: for global safety rules (an accident goes to the central
   * desk whatever a country's rules say). Has no effect in country rules, which run only when the
   * route is not locked.
   */
  public void lockRoute() {
    routeLocked = true;
  }

  /** Routes to the central desk, at the priority of the current urgency. */
  public void routeCentral() {
    route = Route.central(priority());
  }

  /** Routes to a country queue, or to the central desk when the country is unknown. */
  public void routeCountryOrCentral(String countryCode) {
    route = countryCode == null ? Route.central(priority()) : Route.country(countryCode, priority());
  }

  public void routeExpert(String teamId) {
    route = Route.expert(teamId, priority());
  }

  public void routeDealer(String dealerId) {
    route = Route.dealer(dealerId, priority());
  }

  private int priority() {
    return (urgency == null ? Urgency.NORMAL : urgency).basePriority();
  }
}
