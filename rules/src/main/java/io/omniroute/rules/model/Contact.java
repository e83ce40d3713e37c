package io.omniroute.rules.model;

import java.util.Map;
import java.util.Objects;

/**
 * One inbound interaction as the rules see it: the fact inserted into every decision.
 *
 * <p>Immutable and safe to share between threads. {@link #getCountry()}, {@link #getDealerId()}
 * and {@link #getOwnerDealerId()} hold values already checked against the directory (see {@code
 * Directory.resolve}); unknown values are {@code null}. The getters follow bean conventions so
 * that DRL constraints can read them.
 */
public final class Contact {
  private final Channel channel;
  private final String phone;
  private final String email;
  private final String handle;
  private final String network;
  private final String customerId;
  private final String country;
  private final String dealerId;
  private final String ownerDealerId;
  private final String language;
  private final Relationship relationship;
  private final String segment;
  private final String previousQueue;
  private final String previousAgent;
  private final String subject;
  private final String text;
  private final Map<String, String> references;
  private final boolean publicPost;
  private final Map<String, String> attributes;
  private final ContactText searchableText;

  private Contact(Builder b) {
    this.channel = Objects.requireNonNull(b.channel, "channel");
    this.phone = b.phone;
    this.email = b.email;
    this.handle = b.handle;
    this.network = b.network;
    this.customerId = b.customerId;
    this.country = b.country;
    this.dealerId = b.dealerId;
    this.ownerDealerId = b.ownerDealerId;
    this.language = b.language;
    this.relationship = b.relationship;
    this.segment = b.segment;
    this.previousQueue = b.previousQueue;
    this.previousAgent = b.previousAgent;
    this.subject = b.subject;
    this.text = b.text;
    this.references = Map.copyOf(b.references);
    this.publicPost = b.publicPost;
    this.attributes = Map.copyOf(b.attributes);
    this.searchableText = ContactText.of(b.subject, b.text);
  }

  public static Builder builder(Channel channel) {
    return new Builder().channel(channel);
  }

  /** A builder holding this contact's values, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder()
        .channel(channel)
        .phone(phone)
        .email(email)
        .handle(handle)
        .network(network)
        .customerId(customerId)
        .country(country)
        .dealerId(dealerId)
        .ownerDealerId(ownerDealerId)
        .language(language)
        .relationship(relationship)
        .segment(segment)
        .previousQueue(previousQueue)
        .previousAgent(previousAgent)
        .subject(subject)
        .text(text)
        .references(references)
        .publicPost(publicPost)
        .attributes(attributes);
  }

  /**
   * Whether subject or text mention any of the {@code |}-separated phrases. A phrase matches as
   * whole words, case-insensitively, with German umlauts folded ({@code ü = ue}); a phrase ending
   * in {@code *} matches the start of a word, so {@code "kündig*"} matches "Kündigung" and
   * "kuendigen".
   */
  public boolean mentionsAny(String phrases) {
    return searchableText.mentionsAny(phrases);
  }

  /** Whether any of the {@code |}-separated reference names is present with a non-blank value. */
  public boolean hasAnyReference(String names) {
    for (String name : Phrases.split(names)) {
      String value = references.get(name);
      if (value != null && !value.isBlank()) {
        return true;
      }
    }
    return false;
  }

  /** Subject and text, normalised for keyword matching. */
  public ContactText getSearchableText() {
    return searchableText;
  }

  public Channel getChannel() {
    return channel;
  }

  public String getPhone() {
    return phone;
  }

  public String getEmail() {
    return email;
  }

  public String getHandle() {
    return handle;
  }

  public String getNetwork() {
    return network;
  }

  public String getCustomerId() {
    return customerId;
  }

  /** The contact's country as resolved against the directory, or {@code null} when unknown. */
  public String getCountry() {
    return country;
  }

  /** The dealer named on the contact, when the directory knows it. */
  public String getDealerId() {
    return dealerId;
  }

  /** The dealer that owns the customer relationship, when known. */
  public String getOwnerDealerId() {
    return ownerDealerId;
  }

  public String getLanguage() {
    return language;
  }

  /**
   * Who owns the relationship, from the customer's profile: {@code DIRECT} (the brand) or {@code
   * INDIRECT} (a dealer, agency or broker); {@code null} when no profile identified the sender.
   */
  public Relationship getRelationship() {
    return relationship;
  }

  /** The segment of the customer's profile, such as {@code fleet}; {@code null} when none. */
  public String getSegment() {
    return segment;
  }

  /**
   * The queue where the contact's conversation was last answered, when this contact reopens a
   * closed conversation; {@code null} for a new matter.
   */
  public String getPreviousQueue() {
    return previousQueue;
  }

  /** The agent who last handled the contact's conversation, when it reopens one; {@code null} otherwise. */
  public String getPreviousAgent() {
    return previousAgent;
  }

  /** Whether this contact reopens a closed conversation (the rules then see {@link #getPreviousQueue()}). */
  public boolean isReopening() {
    return previousQueue != null;
  }

  public String getSubject() {
    return subject;
  }

  public String getText() {
    return text;
  }

  public Map<String, String> getReferences() {
    return references;
  }

  public boolean isPublicPost() {
    return publicPost;
  }

  public Map<String, String> getAttributes() {
    return attributes;
  }

  /** Collects a contact's values. Not thread-safe; build once, then share the contact. */
  public static final class Builder {
    private Channel channel;
    private String phone;
    private String email;
    private String handle;
    private String network;
    private String customerId;
    private String country;
    private String dealerId;
    private String ownerDealerId;
    private String language;
    private Relationship relationship;
    private String segment;
    private String previousQueue;
    private String previousAgent;
    private String subject;
    private String text;
    private Map<String, String> references = Map.of();
    private boolean publicPost;
    private Map<String, String> attributes = Map.of();

    public Builder channel(Channel channel) {
      this.channel = channel;
      return this;
    }

    public Builder phone(String phone) {
      this.phone = phone;
      return this;
    }

    public Builder email(String email) {
      this.email = email;
      return this;
    }

    public Builder handle(String handle) {
      this.handle = handle;
      return this;
    }

    public Builder network(String network) {
      this.network = network;
      return this;
    }

    public Builder customerId(String customerId) {
      this.customerId = customerId;
      return this;
    }

    public Builder country(String country) {
      this.country = country;
      return this;
    }

    public Builder dealerId(String dealerId) {
      this.dealerId = dealerId;
      return this;
    }

    public Builder ownerDealerId(String ownerDealerId) {
      this.ownerDealerId = ownerDealerId;
      return this;
    }

    public Builder language(String language) {
      this.language = language;
      return this;
    }

    /** The relationship of the customer's profile; {@code null} when no profile identified the sender. */
    public Builder relationship(Relationship relationship) {
      this.relationship = relationship;
      return this;
    }

    /** The segment of the customer's profile, such as {@code fleet}; {@code null} when none. */
    public Builder segment(String segment) {
      this.segment = segment;
      return this;
    }

    /** Where the reopened conversation was last answered; {@code null} for a new matter. */
    public Builder previousQueue(String previousQueue) {
      this.previousQueue = previousQueue;
      return this;
    }

    /** Who last handled the reopened conversation; {@code null} when nobody or a new matter. */
    public Builder previousAgent(String previousAgent) {
      this.previousAgent = previousAgent;
      return this;
    }

    public Builder subject(String subject) {
      this.subject = subject;
      return this;
    }

    public Builder text(String text) {
      this.text = text;
      return this;
    }

    public Builder references(Map<String, String> references) {
      this.references = references == null ? Map.of() : references;
      return this;
    }

    public Builder reference(String name, String value) {
      java.util.Map<String, String> copy = new java.util.HashMap<>(references);
      copy.put(name, value);
      this.references = copy;
      return this;
    }

    public Builder publicPost(boolean publicPost) {
      this.publicPost = publicPost;
      return this;
    }

    public Builder attributes(Map<String, String> attributes) {
      this.attributes = attributes == null ? Map.of() : attributes;
      return this;
    }

    public Contact build() {
      return new Contact(this);
    }
  }
}
