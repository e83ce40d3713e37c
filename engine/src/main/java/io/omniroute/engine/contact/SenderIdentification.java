package io.omniroute.engine.contact;

import io.omniroute.rules.model.Contact;
import io.omniroute.rules.model.Relationship;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises who sent a contact, before it is routed: the customer profile it names ({@code
 * customerId}) or whose phone number, email address or social handle it comes from. Intake calls
 * it once per new contact; an implementation answers in one store round trip at most.
 */
@FunctionalInterface
public interface SenderIdentification {
  /** Nobody is ever recognised: every contact is unidentified. */
  SenderIdentification NONE = contact -> Future.succeededFuture(Optional.empty());

  /** The profile the contact comes from, if any. */
  Future<Optional<Sender>> identify(Contact contact);

  /**
   * The names of the identified senders {@code customerIds}, by id, for previews; a customer
   * without a name, or no longer known, is left out. None by default.
   */
  default Future<Map<String, String>> namesOf(Collection<String> customerIds) {
    return Future.succeededFuture(Map.of());
  }

  /**
   * What routing needs of the sender's profile.
   *
   * @param ownerDealerId the dealer that owns the relationship, or {@code null}
   * @param segment such as {@code fleet}, or {@code null}
   * @param country the profile's country, used when the contact has none, or {@code null}
   * @param language the profile's language, used when the contact has none, or {@code null}
   */
  record Sender(
      String customerId, Relationship relationship, String ownerDealerId, String segment, String country, String language) {}
}
