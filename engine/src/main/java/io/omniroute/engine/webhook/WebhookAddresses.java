package io.omniroute.engine.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which receivers webhooks may reach: checks a URL's form and every address its host resolves to,
 * at registration and again before each attempt (so a name that resolves to a public address at
 * registration and to an internal one later, DNS rebinding, is refused then; the attempt connects
 * to the very address that was checked).
 *
 * <ul>
 *   <li>Only {@code http} and {@code https}, with a host, without {@code user:password@} and
 *       without a fragment; a host that looks like a number but is not four decimal numbers
 *       ({@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.1}) is refused, as resolvers read such
 *       spellings differently.
 *   <li>Never: a cloud metadata address ({@code 169.254.169.254}, {@code fd00:ec2::254}, ...), an
 *       unspecified ({@code 0.0.0.0}, {@code ::}, {@code 0.0.0.0/8}), multicast, broadcast or
 *       reserved ({@code 240.0.0.0/4}) address.
 *   <li>Unless private receivers are allowed: loopback ({@code 127.0.0.0/8}, {@code ::1}),
 *       private-range ({@code 10/8}, {@code 172.16/12}, {@code 192.168/16}, {@code 100.64/10},
 *       {@code fc00::/7}, {@code fec0::/10}) and link-local ({@code 169.254/16}, {@code fe80::/10})
 *       addresses.
 * </ul>
 *
 * IPv6 addresses that carry an IPv4 address (IPv4-compatible {@code ::a.b.c.d}, NAT64
 * {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are checked as that IPv4 address too; Java already
 * reads IPv4-mapped {@code ::ffff:a.b.c.d} as the IPv4 address. Stateless and thread-safe; {@link
 * #resolve} blocks on DNS, so call it on a worker thread.
 */
public final class WebhookAddresses {
  /** The addresses of cloud instance metadata services, never a receiver. */
  public static final Set<String> METADATA_ADDRESSES = Set.of(
      "169.254.169.254", "169.254.170.2", "169.254.170.23", "100.100.100.200", "168.63.129.16",
      "fd00:ec2:0:0:0:0:0:254", "fd00:ec2:0:0:0:0:0:23");
  private static final String ALLOW_HINT = "use a public address, or have the operator allow private receivers"
      + " (OMNIROUTE_WEBHOOKS_ALLOW_PRIVATE=true)";
  private static final Pattern NUMERIC_HOST = Pattern.compile("[0-9a-fA-FxX.]+");
  private static final Pattern HAS_DIGIT_FIRST = Pattern.compile("[0-9].*|.*\\.[0-9][0-9a-fA-FxX]*\\.?");
  private static final Pattern DOTTED_QUAD = Pattern.compile(
      "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

  private final boolean allowPrivate;

  /** @param allowPrivate whether loopback, private-range and link-local receivers are allowed */
  public WebhookAddresses(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  public boolean allowsPrivate() {
    return allowPrivate;
  }

  /** A URL that passed {@link #parse}: its host as DNS or {@link InetAddress} takes it, and its port. */
  public record Target(URI uri, String host, int port, boolean https) {
    /** The path and query to request, {@code /} when the URL has none. */
    public String pathAndQuery() {
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
  }

  /**
   * The target of {@code url}, or why the URL cannot be a receiver (a sentence saying what to fix).
   */
  public static Target parse(String url) throws RefusedException {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new RefusedException("is not a URL (" + e.getReason() + " at index " + e.getIndex()
          + "): use an absolute http or https URL such as https://crm.example.com/omniroute");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new RefusedException("must be an http or https URL, not " + (scheme.isEmpty() ? "a relative one" : scheme + ":"));
    }
    if (uri.getRawUserInfo() != null) {
      throw new RefusedException("must not carry user:password@: the receiver checks the Omniroute-Signature header instead");
    }
    if (uri.getRawFragment() != null) {
      throw new RefusedException("must not have a #fragment, which is never sent");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new RefusedException("has no host that can be read: use a DNS name, a.b.c.d or [IPv6]");
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (NUMERIC_HOST.matcher(host).matches() && HAS_DIGIT_FIRST.matcher(host).matches()
        && !DOTTED_QUAD.matcher(host).matches()) {
      throw new RefusedException("has the numeric host '" + host + "', which resolvers read differently:"
          + " write an IPv4 address as four decimal numbers (a.b.c.d), or use a DNS name");
    }
    boolean https = scheme.equals("https");
    int port = uri.getPort() < 0 ? (https ? 443 : 80) : uri.getPort();
    return new Target(uri, host, port, https);
  }

  /**
   * Every address {@code host} resolves to, each checked. Blocks on DNS.
   *
   * @throws RefusedException when the host does not resolve, or any of its addresses is refused
   */
  public List<InetAddress> resolve(String host) throws RefusedException {
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new RefusedException("has the host '" + host + "', which does not resolve: check the name", true);
    } catch (SecurityException | IllegalArgumentException e) {
      throw new RefusedException("has the host '" + host + "', which cannot be resolved: " + e.getMessage(), true);
    }
    for (InetAddress address : addresses) {
      Optional<String> refusal = refusal(address);
      if (refusal.isPresent()) {
        throw new RefusedException("reaches " + refusal.get());
      }
    }
    return Arrays.asList(addresses);
  }

  /**
   * Why {@code address} may not receive webhooks ("{@code 10.1.2.3, a private-range address: use
   * ...}"), or empty when it may.
   */
  public Optional<String> refusal(InetAddress address) {
    String shown = address.getHostAddress();
    if (METADATA_ADDRESSES.contains(shown)) {
      return Optional.of(shown + ", a cloud metadata address, which is never a receiver");
    }
    if (address.isAnyLocalAddress() || isThisNetwork(address)) {
      return Optional.of(shown + ", the unspecified address, which is never a receiver");
    }
    if (address.isMulticastAddress() || isBroadcastOrReserved(address)) {
      return Optional.of(shown + ", a multicast, broadcast or reserved address, which is never a receiver");
    }
    Inet4Address embedded = embeddedIpv4(address);
    if (embedded != null) {
      Optional<String> inner = refusal(embedded);
      if (inner.isPresent()) {
        return Optional.of(shown + ", which carries " + inner.get());
      }
    }
    if (allowPrivate) {
      return Optional.empty();
    }
    if (address.isLoopbackAddress()) {
      return Optional.of(shown + ", a loopback address: " + ALLOW_HINT);
    }
    if (address.isLinkLocalAddress()) {
      return Optional.of(shown + ", a link-local address: " + ALLOW_HINT);
    }
    if (address.isSiteLocalAddress() || isUniqueLocal(address) || isSharedAddressSpace(address)) {
      return Optional.of(shown + ", a private-range address: " + ALLOW_HINT);
    }
    return Optional.empty();
  }

  private static boolean isThisNetwork(InetAddress address) {
    return address instanceof Inet4Address && address.getAddress()[0] == 0;
  }

  private static boolean isBroadcastOrReserved(InetAddress address) {
    return address instanceof Inet4Address && (address.getAddress()[0] & 0xF0) == 0xF0;
  }

  private static boolean isUniqueLocal(InetAddress address) {
    return address instanceof Inet6Address && (address.getAddress()[0] & 0xFE) == 0xFC;
  }

  /** 100.64.0.0/10, the carrier-grade NAT range. */
  private static boolean isSharedAddressSpace(InetAddress address) {
    byte[] bytes = address.getAddress();
    return address instanceof Inet4Address && (bytes[0] & 0xFF) == 100 && (bytes[1] & 0xC0) == 64;
  }

  /** The IPv4 address an IPv6 address carries (IPv4-compatible, NAT64, 6to4), or {@code null}. */
  private static Inet4Address embeddedIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address) || address.isLoopbackAddress() || address.isAnyLocalAddress()) {
      return null;
    }
    byte[] bytes = address.getAddress();
    try {
      if (((Inet6Address) address).isIPv4CompatibleAddress() || isNat64(bytes)) {
        return (Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
      }
      if ((bytes[0] & 0xFF) == 0x20 && (bytes[1] & 0xFF) == 0x02) {
        return (Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(bytes, 2, 6));
      }
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
    return null;
  }

  private static boolean isNat64(byte[] bytes) {
    byte[] prefix = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    return Arrays.equals(Arrays.copyOfRange(bytes, 0, 12), prefix);
  }

  /** A URL or address that may not be a receiver; the message completes "the url ..." and says what to fix. */
  public static final class RefusedException extends Exception {
    private final boolean unresolved;

    public RefusedException(String message) {
      this(message, false);
    }

    RefusedException(String message, boolean unresolved) {
      super(message, null, false, false);
      this.unresolved = unresolved;
    }

    /** Whether the host did not resolve (rather than resolving to a refused address). */
    public boolean unresolved() {
      return unresolved;
    }
  }
}
