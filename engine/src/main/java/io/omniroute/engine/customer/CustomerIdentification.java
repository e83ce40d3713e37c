package io.omniroute.engine.customer;

import io.omniroute.engine.contact.SenderIdentification;
import io.omniroute.rules.model.Contact;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * Recognises a contact's sender among the customer profiles: by the {@code customerId} the contact
 * names, else by its phone number (read in the contact's country when national), its email
 * address or its social handle, normalised as profiles are ({@link Identities}). One store call
 * ({@link CustomerStore#identify}). Stateless and thread-safe.
 */
public final class CustomerIdentification implements SenderIdentification {
  private final CustomerStore store;

  public CustomerIdentification(CustomerStore store) {
    this.store = store;
  }

  @Override
  public Future<Optional<Sender>> identify(Contact contact) {
    List<Identity> identities = identitiesOf(contact);
    if (contact.getCustomerId() == null && identities.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    return store.identify(contact.getCustomerId(), identities).map(found -> found.map(profile -> new Sender(
        profile.id(), profile.relationship(), profile.ownerDealerId(), profile.segment(), profile.country(),
        profile.language())));
  }

  /** One read of every profile at once (pipelined on Redis). */
  @Override
  public Future<Map<String, String>> namesOf(Collection<String> customerIds) {
    List<Future<Optional<CustomerProfile>>> reads = new ArrayList<>(customerIds.size());
    for (String id : new LinkedHashSet<>(customerIds)) {
      reads.add(store.get(id));
    }
    return Future.all(reads).map(done -> {
      Map<String, String> names = new HashMap<>();
      for (Future<Optional<CustomerProfile>> read : reads) {
        read.result().filter(profile -> profile.name() != null).ifPresent(profile -> names.put(profile.id(), profile.name()));
      }
      return names;
    });
  }

  static List<Identity> identitiesOf(Contact contact) {
    List<Identity> identities = new ArrayList<>(3);
    String phone = Identities.phone(contact.getPhone(), contact.getCountry());
    if (phone != null) {
      identities.add(Identity.phone(phone));
    }
    String email = Identities.email(contact.getEmail());
    if (email != null) {
      identities.add(Identity.email(email));
    }
    String network = Identities.network(contact.getNetwork());
    String handle = Identities.handle(contact.getHandle());
    if (network != null && handle != null) {
      identities.add(Identity.handle(network, handle));
    }
    return identities;
  }
}
