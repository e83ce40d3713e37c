package io.omniroute.rules;

import io.omniroute.rules.model.Knowledge;
import io.omniroute.rules.model.Route;
import io.omniroute.rules.model.Urgency;

/**
 * The working fact that rules fill in during one decision: classification first, then the route
 * (first match wins: rules only route while {@code route == null}), then the response target.
 *
 * <p>Mutable and confined to one decision on one thread; never shared.
 */
public final class Assessment {
  private Knowledge knowledge;
  private Urgency urgency;
  private String topic;
  private Route route;
  private String contextDealerId;
  private long responseTargetSeconds;

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

  public long getResponseTargetSeconds() {
    return responseTargetSeconds;
  }

  public void setResponseTargetSeconds(long responseTargetSeconds) {
    this.responseTargetSeconds = responseTargetSeconds;
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
