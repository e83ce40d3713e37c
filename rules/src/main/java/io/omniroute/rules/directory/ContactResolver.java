package io.omniroute.rules.directory;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.omniroute.rules.model.Contact;

/**
 * Checks a contact's country and dealers against the directory before it is decided: unknown
 * dealers are dropped, and the country comes from the contact, else from its dealer, else from
 * the country code of its phone number (libphonenumber). Only countries in the directory count.
 *
 * <p>Immutable and thread-safe.
 */
public final class ContactResolver {
  private static final PhoneNumberUtil PHONE = PhoneNumberUtil.getInstance();
  private final Directory directory;

  public ContactResolver(Directory directory) {
    this.directory = directory;
  }

  public Contact resolve(Contact raw) {
    String dealerId = directory.hasDealer(raw.getDealerId()) ? raw.getDealerId() : null;
    String ownerDealerId = directory.hasDealer(raw.getOwnerDealerId()) ? raw.getOwnerDealerId() : null;
    String country = directory.hasCountry(raw.getCountry()) ? raw.getCountry() : null;
    if (country == null) {
      country = directory.countryOfDealer(dealerId != null ? dealerId : ownerDealerId);
    }
    if (country == null) {
      String fromPhone = regionOfPhone(raw.getPhone());
      country = directory.hasCountry(fromPhone) ? fromPhone : null;
    }
    return raw.toBuilder().dealerId(dealerId).ownerDealerId(ownerDealerId).country(country).build();
  }

  /** The ISO region of an E.164 number such as {@code +4989123456}, or {@code null}. */
  public static String regionOfPhone(String phone) {
    if (phone == null || phone.isBlank()) {
      return null;
    }
    try {
      return PHONE.getRegionCodeForNumber(PHONE.parse(phone, null));
    } catch (NumberParseException e) {
      return null;
    }
  }
}
