package io.omniroute.loadtest.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

  @Test
  void everyGeneratedNumberIsValidAndBelongsToItsCountry() throws Exception {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    SplittableRandom random = new SplittableRandom(1);
    assertThat(PhoneNumbers.supportedCountries()).contains("DE", "AT", "CH", "GB", "FR");
    for (String country : PhoneNumbers.supportedCountries()) {
      for (int i = 0; i < 500; i++) {
        String number = PhoneNumbers.mobile(country, random);
        assertThat(number).matches("^\\+[1-9][0-9]{6,14}$");
        PhoneNumber parsed = util.parse(number, null);
        assertThat(util.isValidNumber(parsed)).as("%s valid", number).isTrue();
        assertThat(util.getRegionCodeForNumber(parsed)).as("%s in %s", number, country).isEqualTo(country);
      }
    }
  }

  @Test
  void unsupportedCountriesGetNoNumber() {
    assertThat(PhoneNumbers.supports("ZZ")).isFalse();
    assertThat(PhoneNumbers.mobile("ZZ", new SplittableRandom(1))).isNull();
  }
}
