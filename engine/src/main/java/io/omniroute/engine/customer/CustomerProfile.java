package io.omniroute.engine.customer;

import io.omniroute.rules.model.Relationship;
import java.util.ArrayList;
import java.util.List;

/**
 * One customer as the brand knows them: the single customer view across channels. Identities are
 * normalised ({@link Identities}) and unique within the profile. Immutable.
 *
 * @param id the brand's or its CRM's id for the customer
 * @param name how to address them, or {@code null}
 * @param phones E.164 numbers
 * @param emails lower-cased addresses
 * @param handles social-network handles
 * @param ownerDealerId the dealer that owns the relationship (a dealer of the directory), or {@code null}
 * @param country ISO 3166-1 alpha-2, or {@code null}
 * @param language BCP 47 such as {@code de} or {@code en-GB}, or {@code null}
 * @param segment free text such as {@code fleet} or {@code private}, or {@code null}
 */
public record CustomerProfile(
    String id,
    String name,
    List<String> phones,
    List<String> emails,
    List<Handle> handles,
    String ownerDealerId,
    String country,
    String language,
    String segment,
    Relationship relationship) {

  /** A handle on a social network, both lower-cased. */
  public record Handle(String network, String handle) {}

  public CustomerProfile {
    phones = List.copyOf(phones);
    emails = List.copyOf(emails);
    handles = List.copyOf(handles);
  }

  /** Every identity of the profile, phones first, then emails, then handles. */
  public List<Identity> identities() {
    List<Identity> all = new ArrayList<>(phones.size() + emails.size() + handles.size());
    phones.forEach(phone -> all.add(Identity.phone(phone)));
    emails.forEach(email -> all.add(Identity.email(email)));
    handles.forEach(handle -> all.add(Identity.handle(handle.network(), handle.handle())));
    return all;
  }
}
