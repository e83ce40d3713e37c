package io.omniroute.rules.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.rules.model.Channel;
import io.omniroute.rules.model.Contact;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactResolverTest {
  private static ContactResolver resolver;

  @BeforeAll
  static void loadDirectory() {
    resolver = new ContactResolver(DirectoryLoader.bundledSample());
  }

  private static Contact.Builder email() {
    return Contact.builder(Channel.EMAIL).text("Hello");
  }

  @Test
  void keepsAnExplicitKnownCountry() {
    Contact resolved = resolver.resolve(email().country("CH").dealerId("DE-MUC-001").phone("+4315880000").build());

    assertThat(resolved.getCountry()).isEqualTo("CH");
    assertThat(resolved.getDealerId()).isEqualTo("DE-MUC-001");
  }

  @Test
  void takesTheCountryFromTheNamedDealer() {
    assertThat(resolver.resolve(email().dealerId("GB-EDI-001").build()).getCountry()).isEqualTo("GB");
  }

  @Test
  void takesTheCountryFromTheRelationshipOwner() {
    assertThat(resolver.resolve(email().ownerDealerId("FR-LYO-001").build()).getCountry()).isEqualTo("FR");
  }

  @Test
  void prefersTheNamedDealerOverThePhoneNumber() {
    assertThat(resolver.resolve(email().dealerId("AT-VIE-001").phone("+498912345678").build()).getCountry())
        .isEqualTo("AT");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"+4315880000, AT", "+498912345678, DE", "+41442345678, CH", "+442079460958, GB", "+33142685300, FR"})
  void takesTheCountryFromThePhoneNumber(String phone, String country) {
    assertThat(resolver.resolve(email().phone(phone).build()).getCountry()).isEqualTo(country);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"+12125550100", "+81312345678"})
  void ignoresAPhoneNumberFromACountryOutsideTheDirectory(String phone) {
    assertThat(resolver.resolve(email().phone(phone).build()).getCountry()).isNull();
  }

  @Test
  void dropsAnUnknownCountryAndUnknownDealers() {
    Contact resolved = resolver.resolve(
        email().country("US").dealerId("US-NYC-001").ownerDealerId("US-LA-001").build());

    assertThat(resolved.getCountry()).isNull();
    assertThat(resolved.getDealerId()).isNull();
    assertThat(resolved.getOwnerDealerId()).isNull();
  }

  @Test
  void keepsEverythingElseOfTheContact() {
    Contact raw = email().subject("Hi").customerId("c-1").reference("vin", "W1").language("de").build();

    Contact resolved = resolver.resolve(raw);

    assertThat(resolved.getSubject()).isEqualTo("Hi");
    assertThat(resolved.getText()).isEqualTo("Hello");
    assertThat(resolved.getCustomerId()).isEqualTo("c-1");
    assertThat(resolved.getReferences()).containsEntry("vin", "W1");
    assertThat(resolved.getLanguage()).isEqualTo("de");
    assertThat(resolved.getChannel()).isEqualTo(Channel.EMAIL);
  }

  @ParameterizedTest(name = "[{0}]")
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "anonymous", "0891234567", "+"})
  void findsNoRegionForMissingOrUnparseablePhoneNumbers(String phone) {
    assertThat(ContactResolver.regionOfPhone(phone)).isNull();
  }
}
