package io.omniroute.loadtest.bench;

import io.omniroute.engine.customer.CustomerProfile;
import io.omniroute.rules.model.Relationship;
import java.util.List;

/**
 * Customer profiles for benchmarks: profile {@code n} has id {@code C-n}, a name, one German
 * mobile number and one email address (two identities), an owner dealer, country, language and
 * segment, as a CRM export would give them. Stateless.
 */
final class GeneratedCustomers {
  private GeneratedCustomers() {}

  static CustomerProfile generated(int n) {
    return new CustomerProfile("C-" + n, "Customer " + n, List.of(phone(n)), List.of("customer" + n + "@example.com"),
        List.of(), "DE-MUC-001", "DE", "de", "private", Relationship.INDIRECT);
  }

  /** Profile {@code n} as one line of a JSON Lines import. */
  static String jsonLine(int n) {
    return "{\"id\":\"C-" + n + "\",\"name\":\"Customer " + n + "\",\"identities\":{\"phones\":[\"" + phone(n)
        + "\"],\"emails\":[\"customer" + n + "@example.com\"]},\"ownerDealerId\":\"DE-MUC-001\",\"country\":\"DE\","
        + "\"language\":\"de\",\"segment\":\"private\"}\n";
  }

  /** The phone number of profile {@code n}: a valid German mobile number, E.164. */
  static String phone(int n) {
    return String.format("+49151%08d", n);
  }
}
