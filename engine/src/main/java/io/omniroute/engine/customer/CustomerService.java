package io.omniroute.engine.customer;

import com.fasterxml.jackson.databind.JsonNode;
import io.omniroute.engine.Caller;
import io.omniroute.engine.contact.ContactService;
import io.omniroute.engine.rules.AuditEntry;
import io.omniroute.rules.directory.Directory;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * The single customer view: creates, replaces, reads, looks up and erases customer profiles, with
 * who may do what arriving as data ({@link Caller}). An unrestricted caller reaches every
 * customer; a restricted one only those of its countries ({@code supervisor:CC}) or owned by its
 * dealers ({@code dealer:<id>}), and is told {@link CustomerNotFoundException} about any other,
 * exactly as about an unknown one. Writes by a country supervisor outside its countries fail with
 * {@link CustomerOutOfScopeException}.
 *
 * <p>Thread-safe and shared by all verticles; it holds no resources (closing the store is the
 * engine's job).
 */
public final class CustomerService {
  private final CustomerStore store;
  private final Directory directory;
  private final ContactService contacts;
  private final Function<AuditEntry, Future<Void>> audit;
  private final Clock clock;

  /**
   * @param contacts whose contacts an erasure erases too
   * @param audit where erasures are recorded (the engine's audit log)
   */
  public CustomerService(
      CustomerStore store, Directory directory, ContactService contacts, Function<AuditEntry, Future<Void>> audit,
      Clock clock) {
    this.store = store;
    this.directory = directory;
    this.contacts = contacts;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Creates or replaces the profile {@code id} from its JSON form ({@link CustomerProfiles}).
   * Fails with {@link InvalidCustomerException}, {@link UnknownOwnerDealerException}, {@link
   * IdentityConflictException} or {@link CustomerOutOfScopeException}; then nothing changed.
   */
  public Future<CustomerStore.Saved> put(String id, JsonNode body, Caller caller) {
    try {
      return put(CustomerProfiles.read(id, body), caller);
    } catch (InvalidCustomerException e) {
      return Future.failedFuture(e);
    }
  }

  /** Creates or replaces an already read profile, as an import does row by row; the checks of {@link #put(String, JsonNode, Caller)}. */
  public Future<CustomerStore.Saved> put(CustomerProfile profile, Caller caller) {
    if (profile.ownerDealerId() != null && !directory.hasDealer(profile.ownerDealerId())) {
      return Future.failedFuture(new UnknownOwnerDealerException(profile.ownerDealerId()));
    }
    if (caller.unrestricted()) {
      return store.put(profile);
    }
    if (!mayWrite(caller, profile)) {
      return Future.failedFuture(new CustomerOutOfScopeException(profile.id(), profile.country(), caller.countries()));
    }
    return store.get(profile.id()).compose(existing -> existing.isPresent() && !mayWrite(caller, existing.get())
        ? Future.failedFuture(new CustomerOutOfScopeException(profile.id(), existing.get().country(), caller.countries()))
        : store.put(profile));
  }

  /** The profile {@code id}, if the caller may see it. */
  public Future<CustomerProfile> get(String id, Caller caller) {
    return store.get(id).compose(found -> visible(found, caller, "with id '" + id + "'"));
  }

  /** The profile that has {@code identity}, if the caller may see it. */
  public Future<CustomerProfile> find(Identity identity, Caller caller) {
    return store.findByIdentity(identity).compose(found -> visible(found, caller, "with " + identity));
  }

  /**
   * Erases the customer {@code id}: removes the profile and releases its identities, erases the
   * personal data of the customer's contacts ({@link ContactService#eraseCustomer}), and records
   * the erasure in the audit log. Answers how many contacts were erased.
   */
  public Future<Erasure> erase(String id, Caller caller) {
    return get(id, caller)
        .compose(profile -> store.erase(id))
        .compose(removed -> removed.isPresent()
            ? contacts.eraseCustomer(id)
            : Future.failedFuture(new CustomerNotFoundException("with id '" + id + "'")))
        .compose(erasedContacts -> audit.apply(new AuditEntry(clock.instant(), caller.name(), AuditEntry.ERASED,
                AuditEntry.CUSTOMERS, 0, "customer " + id + " erased with the personal data of " + erasedContacts
                    + (erasedContacts == 1 ? " contact" : " contacts")))
            .map(recorded -> new Erasure(id, erasedContacts)));
  }

  /** What an erasure did: the customer and how many of its contacts lost their personal data. */
  public record Erasure(String customerId, int contacts) {}

  private static boolean mayWrite(Caller caller, CustomerProfile profile) {
    return profile.country() != null && caller.countries().contains(profile.country());
  }

  private static Future<CustomerProfile> visible(Optional<CustomerProfile> found, Caller caller, String what) {
    return found.isPresent() && caller.mayActOnCustomer(found.get().country(), found.get().ownerDealerId())
        ? Future.succeededFuture(found.get())
        : Future.failedFuture(new CustomerNotFoundException(what));
  }
}
