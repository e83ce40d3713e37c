package io.omniroute.engine.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.omniroute.adapters.InvalidPayloadException;
import io.omniroute.engine.Caller;
import io.omniroute.engine.contact.ContactService;
import io.omniroute.engine.queue.Accepted;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one way a channel adapter creates a contact: the contact it built from a foreign payload is
 * checked against the same {@code ContactRequest} schema as a body of {@code POST /v1/contacts},
 * then decided and stored by {@link ContactService#submit}, with the same idempotency. A contact
 * the schema refuses (a phone number that is not E.164, a text over the limit) fails with {@link
 * InvalidPayloadException} naming each field; nothing is stored then.
 *
 * <p>Immutable and thread-safe; built once per engine and shared by every adapter's handlers.
 */
public final class AdapterIntake {
  private final ContactService contacts;
  private final JsonSchema contactSchema;

  public AdapterIntake(ContactService contacts, ContractSchemas schemas) {
    this.contacts = contacts;
    this.contactSchema = schemas.component("ContactRequest");
  }

  /**
   * Decides and stores {@code contact} for {@code caller}; a repeated {@code idempotencyKey}
   * (the foreign system's message id) answers the first record ({@link Accepted#created()} false).
   */
  public Future<Accepted> submit(ObjectNode contact, Caller caller, String idempotencyKey) {
    Set<ValidationMessage> problems = contactSchema.validate(contact);
    if (!problems.isEmpty()) {
      List<String> texts = new ArrayList<>();
      SchemaErrors.fieldErrors(problems).forEach(error -> {
        io.vertx.core.json.JsonObject field = (io.vertx.core.json.JsonObject) error;
        texts.add("the contact's " + field.getString("field") + " " + field.getString("message"));
      });
      return Future.failedFuture(new InvalidPayloadException(texts));
    }
    return contacts.submit(contact, caller, idempotencyKey);
  }
}
