package io.omniroute.engine.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises identities before they are stored or matched, so that one customer is recognised
 * however a channel writes them: phone numbers to E.164 with libphonenumber (a national number
 * such as {@code 089 1234567} is read in the given country), email addresses trimmed and
 * lower-cased, handles trimmed, without a leading {@code @}, and lower-cased, as the networks
 * treat them case-insensitively (a federated handle keeps its instance: {@code user@instance}).
 * Each method answers {@code null} when the value is not such an
 * identity. Stateless and thread-safe.
 */
public final class Identities {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)*");
  private static final Pattern NETWORK = Pattern.compile("[a-z0-9][a-z0-9._-]{0,31}");
  /** A handle, with the instance it lives on for federated networks such as Mastodon ({@code user@instance}). */
  private static final Pattern HANDLE = Pattern.compile("[\\p{L}\\p{N}._-]{1,64}(@[\\p{L}\\p{N}.-]{1,190})?");
  private static final int MAX_EMAIL = 254;
  private static final int MAX_PHONE_TEXT = 40;

  private Identities() {}

  /**
   * The E.164 form of {@code text}, read in {@code country} when it is a national number, or
   * {@code null} when it is no valid number (or a national number without a country).
   */
  public static String phone(String text, String country) {
    if (text == null || text.length() > MAX_PHONE_TEXT) {
      return null;
    }
    String trimmed = text.strip();
    if (!trimmed.startsWith("+") && !trimmed.startsWith("00") && country == null) {
      return null;
    }
    try {
      PhoneNumber number = PHONES.parse(trimmed, country == null ? "ZZ" : country);
      return PHONES.isValidNumber(number) ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
    } catch (NumberParseException e) {
      return null;
    }
  }

  /** The address trimmed and lower-cased, or {@code null} when it is no address. */
  public static String email(String text) {
    if (text == null) {
      return null;
    }
    String address = text.strip().toLowerCase(Locale.ROOT);
    return address.length() <= MAX_EMAIL && EMAIL.matcher(address).matches() ? address : null;
  }

  /** The network's name lower-cased ({@code instagram}), or {@code null} when it is no such name. */
  public static String network(String text) {
    if (text == null) {
      return null;
    }
    String network = text.strip().toLowerCase(Locale.ROOT);
    return NETWORK.matcher(network).matches() ? network : null;
  }

  /** The handle without a leading {@code @}, lower-cased, or {@code null} when it is no handle. */
  public static String handle(String text) {
    if (text == null) {
      return null;
    }
    String handle = text.strip();
    if (handle.startsWith("@")) {
      handle = handle.substring(1);
    }
    handle = handle.toLowerCase(Locale.ROOT);
    return HANDLE.matcher(handle).matches() ? handle : null;
  }
}
