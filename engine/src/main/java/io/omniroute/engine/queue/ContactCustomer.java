package io.omniroute.engine.queue;

import io.omniroute.rules.model.Relationship;

/**
 * Who a contact came from, as intake resolved it: the customer's id when a profile identified the
 * sender, and the relationship sector. An identified contact has its profile's relationship and
 * owner dealer; an unidentified one is {@code INDIRECT} when it came through a dealer (it names
 * one) and {@code DIRECT} otherwise. The two dimensions are the four-sector relationship model
 * (direct or indirect, identified or unidentified). Immutable.
 *
 * @param id the customer's id, {@code null} when unidentified
 * @param ownerDealerId the dealer that owns the relationship, {@code null} when none or unidentified
 */
public record ContactCustomer(String id, Relationship relationship, String ownerDealerId) {
  /** An unidentified contact that came through the brand's own channels. */
  public static final ContactCustomer UNIDENTIFIED_DIRECT = new ContactCustomer(null, Relationship.DIRECT, null);
  /** An unidentified contact that came through a dealer. */
  public static final ContactCustomer UNIDENTIFIED_INDIRECT = new ContactCustomer(null, Relationship.INDIRECT, null);

  /** How the contact's sender was recognised. */
  public enum Identification { IDENTIFIED, UNIDENTIFIED }

  public ContactCustomer {
    java.util.Objects.requireNonNull(relationship, "relationship");
  }

  /** The unidentified sector of a contact that names {@code dealerId} (or none). */
  public static ContactCustomer unidentified(String dealerId) {
    return dealerId == null ? UNIDENTIFIED_DIRECT : UNIDENTIFIED_INDIRECT;
  }

  public Identification identification() {
    return id == null ? Identification.UNIDENTIFIED : Identification.IDENTIFIED;
  }

  /** This sector with the same relationship, without the customer's id and owner: after an erasure. */
  public ContactCustomer withoutIdentity() {
    return relationship == Relationship.DIRECT ? UNIDENTIFIED_DIRECT : UNIDENTIFIED_INDIRECT;
  }
}
