package io.omniroute.loadtest.scenario;

import io.omniroute.rules.directory.Directory;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.SplittableRandom;

/**
 * The stream of operations one sender issues: claims with the scenario's {@code claimShare},
 * otherwise new contacts, each with its own {@code Idempotency-Key} ({@code <keyPrefix>-<n>}).
 *
 * <p>Not thread-safe: give every sender (event loop) its own generator, with its own seed and a
 * distinct key prefix. The same seed gives the same bodies; keys differ only by prefix.
 */
public final class TrafficGenerator {
  private final double claimShare;
  private final ContactFactory contacts;
  private final ClaimFactory claims;
  private final SplittableRandom random;
  private final String keyPrefix;
  private long sequence;

  public TrafficGenerator(Scenario scenario, Directory directory, long seed, String keyPrefix) {
    this(scenario.claimShare(), new ContactFactory(scenario, directory), new ClaimFactory(scenario, directory),
        seed, keyPrefix);
  }

  /** A generator sharing the (immutable) factories of another scenario set-up. */
  public TrafficGenerator(double claimShare, ContactFactory contacts, ClaimFactory claims, long seed, String keyPrefix) {
    this.claimShare = claimShare;
    this.contacts = contacts;
    this.claims = claims;
    this.random = new SplittableRandom(seed);
    this.keyPrefix = keyPrefix;
  }

  public Operation next() {
    if (claimShare > 0 && random.nextDouble() < claimShare) {
      String queue = claims.nextQueue(random);
      Buffer body = new JsonObject().put("agent", claims.nextAgent(random)).toBuffer();
      return new Operation(Operation.Kind.CLAIM, Operation.claimPath(queue), body, null);
    }
    JsonObject contact = contacts.next(random);
    return new Operation(Operation.Kind.CONTACT, Operation.CONTACTS_PATH, contact.toBuffer(), keyPrefix + "-" + (++sequence));
  }
}
