package io.omniroute.engine.customer;

/**
 * One way to recognise a customer, already normalised ({@link Identities}): a phone number in
 * E.164, a lower-cased email address, or a handle on a social network (both lower-cased). An
 * identity belongs to at most one customer. Immutable.
 *
 * @param network the social network of a handle, {@code null} for phones and emails
 */
public record Identity(Kind kind, String network, String value) {
  /** The kinds of identity. */
  public enum Kind { PHONE, EMAIL, HANDLE }

  public static Identity phone(String e164) {
    return new Identity(Kind.PHONE, null, e164);
  }

  public static Identity email(String address) {
    return new Identity(Kind.EMAIL, null, address);
  }

  public static Identity handle(String network, String handle) {
    return new Identity(Kind.HANDLE, network, handle);
  }

  /** The key the stores index it under: {@code phone:+49891234567}, {@code handle:instagram:anna.b}. */
  public String key() {
    return switch (kind) {
      case PHONE -> "phone:" + value;
      case EMAIL -> "email:" + value;
      case HANDLE -> "handle:" + network + ":" + value;
    };
  }

  /** The identity of a {@link #key()}. */
  public static Identity ofKey(String key) {
    int colon = key.indexOf(':');
    String rest = key.substring(colon + 1);
    return switch (key.substring(0, colon)) {
      case "phone" -> phone(rest);
      case "email" -> email(rest);
      case "handle" -> handle(rest.substring(0, rest.indexOf(':')), rest.substring(rest.indexOf(':') + 1));
      default -> throw new IllegalArgumentException("not an identity key: " + key);
    };
  }

  /** How a person would write it: {@code +49891234567}, {@code instagram @anna.b}. */
  @Override
  public String toString() {
    return kind == Kind.HANDLE ? network + " @" + value : value;
  }
}
