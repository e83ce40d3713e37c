package io.omniroute.engine.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which receivers webhooks may reach: URL forms, and every address a host resolves to. */
class WebhookAddressesTest {
  private final WebhookAddresses publicOnly = new WebhookAddresses(false);
  private final WebhookAddresses privateAllowed = new WebhookAddresses(true);

  @ParameterizedTest
  @ValueSource(strings = {"169.254.169.254", "fd00:ec2::254", "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe",
      "169.254.170.2", "100.100.100.200"})
  void neverAllowsACloudMetadataAddressEvenWhenPrivateReceiversAreAllowed(String address) throws Exception {
    assertThat(publicOnly.refusal(InetAddress.getByName(address))).hasValueSatisfying(reason ->
        assertThat(reason).contains("cloud metadata address"));
    assertThat(privateAllowed.refusal(InetAddress.getByName(address))).hasValueSatisfying(reason ->
        assertThat(reason).contains("cloud metadata address"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.5.6.7", "::1", "10.0.0.1", "10.255.255.255", "172.16.0.1",
      "172.31.255.255", "192.168.1.1", "100.64.0.1", "fc00::1", "fd12:3456::1", "169.254.1.1", "fe80::1",
      "::ffff:127.0.0.1", "::ffff:10.1.2.3", "64:ff9b::7f00:1", "2002:c0a8:101::1", "::7f00:1"})
  void refusesLoopbackPrivateAndLinkLocalAddressesUnlessTheOperatorAllowsThem(String address) throws Exception {
    assertThat(publicOnly.refusal(InetAddress.getByName(address))).hasValueSatisfying(reason ->
        assertThat(reason).containsAnyOf("loopback", "private-range", "link-local")
            .contains("OMNIROUTE_WEBHOOKS_ALLOW_PRIVATE=true"));
    assertThat(privateAllowed.refusal(InetAddress.getByName(address))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "0.1.2.3", "::", "224.0.0.1", "239.255.255.250", "ff02::1", "255.255.255.255",
      "240.0.0.1"})
  void neverAllowsUnspecifiedMulticastBroadcastOrReservedAddresses(String address) throws Exception {
    assertThat(publicOnly.refusal(InetAddress.getByName(address))).isPresent();
    assertThat(privateAllowed.refusal(InetAddress.getByName(address))).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "172.15.255.255", "100.128.0.1",
      "192.169.0.1", "2606:4700:4700::1111", "2a00:1450:4001::200e"})
  void allowsPublicAddresses(String address) throws Exception {
    assertThat(publicOnly.refusal(InetAddress.getByName(address))).isEmpty();
  }

  @Test
  void checksOddSpellingsAsTheAddressInetAddressResolvesThemTo() throws Exception {
    assertThat(InetAddress.getByName("2130706433").getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(publicOnly.refusal(InetAddress.getByName("2130706433"))).hasValueSatisfying(reason ->
        assertThat(reason).startsWith("127.0.0.1, a loopback address"));
    assertThat(publicOnly.refusal(InetAddress.getByName("127.000.000.001"))).isPresent();
    assertThat(publicOnly.refusal(InetAddress.getByName("0"))).hasValueSatisfying(reason ->
        assertThat(reason).contains("unspecified"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://2130706433/hook", "http://0177.0.0.1/", "http://0x7f.0.0.1/", "http://017700000001/",
      "http://127.000.000.001/", "http://0x7f000001/"})
  void refusesNumericHostsThatAreNotFourDecimalNumbers(String url) {
    assertThatThrownBy(() -> WebhookAddresses.parse(url)).isInstanceOf(WebhookAddresses.RefusedException.class)
        .hasMessageMatching(".*(four decimal numbers|no host that can be read).*");
  }

  @Test
  void refusesUrlsOfOtherSchemesCredentialsFragmentsOrNoHost() {
    assertThatThrownBy(() -> WebhookAddresses.parse("ftp://crm.example.com/in")).hasMessageContaining("http or https");
    assertThatThrownBy(() -> WebhookAddresses.parse("/relative")).hasMessageContaining("http or https");
    assertThatThrownBy(() -> WebhookAddresses.parse("https://user:pw@crm.example.com/")).hasMessageContaining("user:password@");
    assertThatThrownBy(() -> WebhookAddresses.parse("https://crm.example.com/#x")).hasMessageContaining("fragment");
    assertThatThrownBy(() -> WebhookAddresses.parse("https://bad_host.example.com/")).hasMessageContaining("no host");
    assertThatThrownBy(() -> WebhookAddresses.parse("https://crm example.com/")).hasMessageContaining("is not a URL");
  }

  @Test
  void readsTheHostPortPathAndQueryOfAUrl() throws Exception {
    WebhookAddresses.Target https = WebhookAddresses.parse("HTTPS://crm.example.com/omniroute?tenant=4711");
    WebhookAddresses.Target http = WebhookAddresses.parse("http://[2606:4700::1111]:8080");

    assertThat(https).extracting(WebhookAddresses.Target::host, WebhookAddresses.Target::port,
        WebhookAddresses.Target::https, WebhookAddresses.Target::pathAndQuery)
        .containsExactly("crm.example.com", 443, true, "/omniroute?tenant=4711");
    assertThat(http).extracting(WebhookAddresses.Target::host, WebhookAddresses.Target::port,
        WebhookAddresses.Target::https, WebhookAddresses.Target::pathAndQuery)
        .containsExactly("2606:4700::1111", 8080, false, "/");
  }

  @Test
  void resolvesAHostAndRefusesItWhenAnyOfItsAddressesIsRefused() throws Exception {
    assertThatThrownBy(() -> publicOnly.resolve("localhost")).hasMessageContaining("loopback");
    assertThat(privateAllowed.resolve("localhost")).allMatch(InetAddress::isLoopbackAddress);
    assertThatThrownBy(() -> publicOnly.resolve("::ffff:169.254.169.254")).hasMessageContaining("metadata");
    assertThatThrownBy(() -> privateAllowed.resolve("169.254.169.254")).hasMessageContaining("metadata");
  }

  @Test
  void saysWhenAHostDoesNotResolve() {
    assertThatThrownBy(() -> publicOnly.resolve("no-such-host.invalid"))
        .isInstanceOfSatisfying(WebhookAddresses.RefusedException.class, refused ->
            assertThat(refused.unresolved()).isTrue())
        .hasMessageContaining("does not resolve");
  }

  static InetAddress address(String text) {
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
