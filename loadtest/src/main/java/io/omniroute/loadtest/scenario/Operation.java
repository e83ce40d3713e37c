package io.omniroute.loadtest.scenario;

import io.vertx.core.buffer.Buffer;

/**
 * One HTTP request the generator sends: a new contact or a claim. Immutable; the body buffer must
 * not be modified.
 *
 * @param kind contact or claim
 * @param path the request path below the target URL, e.g. {@code /v1/contacts}
 * @param body the JSON body
 * @param idempotencyKey the {@code Idempotency-Key} header, unique per contact; {@code null} for claims
 */
public record Operation(Kind kind, String path, Buffer body, String idempotencyKey) {
  public static final String CONTACTS_PATH = "/v1/contacts";

  /** What an operation does. */
  public enum Kind {
    /** {@code POST /v1/contacts}: the engine answers 201 (or 200 for a repeated key). */
    CONTACT,
    /** {@code POST /v1/queues/{queue}/claim}: the engine answers 200 with a contact or 204. */
    CLAIM
  }

  /** The same request with another key (contacts only; claims carry none). */
  public Operation withIdempotencyKey(String key) {
    return kind == Kind.CONTACT ? new Operation(kind, path, body, key) : this;
  }

  /** The path of a claim on a queue. */
  public static String claimPath(String queue) {
    return "/v1/queues/" + queue + "/claim";
  }
}
