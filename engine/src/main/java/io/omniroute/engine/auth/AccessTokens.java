package io.omniroute.engine.auth;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The configured bearer tokens: for each, who it belongs to (the name), the SHA-256 of the token
 * and its roles. Only the hashes are held; a presented token is hashed and compared with every
 * entry in constant time ({@link #authenticate}).
 *
 * <p>Sources, which {@link #plus} combines: a YAML file or the same YAML text from the environment
 * ({@link TokensFile}, {@code --tokens FILE}, {@code OMNIROUTE_TOKENS_FILE}, {@code OMNIROUTE_TOKENS}),
 * and the public {@linkplain #demo() demo tokens} for trying the engine out.
 *
 * <p>Immutable and thread-safe; {@link #authenticate} may run on any number of event loops at once.
 */
public final class AccessTokens {
  /** Longest token accepted; longer ones are not hashed at all. */
  public static final int MAX_TOKEN_LENGTH = 1024;

  /**
   * The demo tokens: public values, documented in the README, for trying the engine out. Never
   * use them in production. The token value is also the principal's name.
   */
  public static final Map<String, Role> DEMO_TOKENS = demoTokens();

  private static final AccessTokens EMPTY = new AccessTokens(List.of());
  /** RFC 6750 b64token: the characters a bearer token may consist of. */
  private static final Pattern TOKEN_SYNTAX = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

  private final List<Entry> entries;
  private final byte[][] hashes;

  /** One configured token; {@code source} says where it came from, for messages. */
  record Entry(String name, byte[] sha256, Set<Role> roles, String source) {
    Entry {
      sha256 = sha256.clone();
      roles = Set.copyOf(roles);
    }
  }

  private AccessTokens(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    this.hashes = new byte[entries.size()][];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = entries.get(i).sha256().clone();
    }
  }

  /** No tokens: every request that needs one is refused with {@code 401}. */
  public static AccessTokens empty() {
    return EMPTY;
  }

  /** The {@linkplain #DEMO_TOKENS demo tokens}, hashed now. */
  public static AccessTokens demo() {
    List<Entry> entries = new ArrayList<>();
    DEMO_TOKENS.forEach((token, role) -> entries.add(new Entry(token, sha256(token), Set.of(role), "demo tokens")));
    return new AccessTokens(entries);
  }

  /**
   * Reads a tokens file.
   *
   * @throws AccessTokensException naming the file, the entry and what to fix
   */
  public static AccessTokens fromFile(Path file) {
    return new AccessTokens(TokensFile.read(file));
  }

  /**
   * Parses tokens YAML, e.g. from {@code OMNIROUTE_TOKENS}.
   *
   * @param source what the text is, for messages ({@code OMNIROUTE_TOKENS})
   * @throws AccessTokensException naming the source, the entry and what to fix
   */
  public static AccessTokens fromYaml(String yaml, String source) {
    return new AccessTokens(TokensFile.parse(yaml, source));
  }

  /** A single token, for tests and tools: {@code name} with {@code roles}, the plain token hashed now. */
  public static AccessTokens of(String name, String token, Role... roles) {
    return new AccessTokens(List.of(new Entry(name, sha256(token), Set.of(roles), "code")));
  }

  /**
   * These tokens and {@code other}'s.
   *
   * @throws AccessTokensException when a name or a token is in both
   */
  public AccessTokens plus(AccessTokens other) {
    List<Entry> combined = new ArrayList<>(entries);
    for (Entry entry : other.entries) {
      for (Entry existing : entries) {
        if (existing.name().equals(entry.name())) {
          throw new AccessTokensException("token name '" + entry.name() + "' is in both " + existing.source() + " and "
              + entry.source() + ": names must be unique, they identify who did what");
        }
        if (MessageDigest.isEqual(existing.sha256(), entry.sha256())) {
          throw new AccessTokensException("the token of '" + entry.name() + "' (" + entry.source() + ") is the same as"
              + " the token of '" + existing.name() + "' (" + existing.source() + "): every token must be unique");
        }
      }
      combined.add(entry);
    }
    return new AccessTokens(combined);
  }

  /**
   * The principal whose token this is, or empty for an unknown, empty or overlong token. Hashes the
   * token with SHA-256 and compares the hash with every entry's, without stopping at a match, so
   * the time taken does not tell which entry matched or how much of a hash did.
   */
  public Optional<Principal> authenticate(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      return Optional.empty();
    }
    byte[] presented = sha256(token);
    int found = -1;
    for (int i = 0; i < hashes.length; i++) {
      boolean equal = MessageDigest.isEqual(presented, hashes[i]);
      found = equal ? i : found;
    }
    if (found < 0) {
      return Optional.empty();
    }
    Entry entry = entries.get(found);
    return Optional.of(new Principal(entry.name(), entry.roles()));
  }

  /**
   * Whether {@code token} can be sent as {@code Authorization: Bearer <token>}: 1 to
   * {@value #MAX_TOKEN_LENGTH} letters, digits and {@code -._~+/}, optionally ending in {@code =}.
   */
  public static boolean isWellFormed(String token) {
    return token != null && !token.isEmpty() && token.length() <= MAX_TOKEN_LENGTH
        && TOKEN_SYNTAX.matcher(token).matches();
  }

  /** Whether no token is configured. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** How many tokens are configured. */
  public int size() {
    return entries.size();
  }

  /** The names of the configured tokens, in configuration order. */
  public List<String> names() {
    return entries.stream().map(Entry::name).toList();
  }

  /** Whether any of them is a demo token, from {@link #demo()} or with a demo token's hash copied into a file. */
  public boolean hasDemoTokens() {
    Set<String> demoHashes = new HashSet<>();
    DEMO_TOKENS.keySet().forEach(token -> demoHashes.add(sha256Hex(token)));
    return entries.stream().anyMatch(e -> demoHashes.contains(HexFormat.of().formatHex(e.sha256())));
  }

  /** {@code 10 tokens (demo tokens: 10)} for the start-up line; never the hashes. */
  public String describe() {
    Map<String, Integer> bySource = new LinkedHashMap<>();
    entries.forEach(e -> bySource.merge(e.source(), 1, Integer::sum));
    StringBuilder text = new StringBuilder().append(entries.size()).append(entries.size() == 1 ? " token" : " tokens");
    if (!bySource.isEmpty()) {
      text.append(" (");
      List<String> parts = new ArrayList<>();
      bySource.forEach((source, count) -> parts.add(source + ": " + count));
      text.append(String.join(", ", parts)).append(')');
    }
    return text.toString();
  }

  /** The SHA-256 of the token's UTF-8 bytes as 64 lower-case hex characters, as the tokens file holds it. */
  public static String sha256Hex(String token) {
    return HexFormat.of().formatHex(sha256(token));
  }

  @Override
  public String toString() {
    return describe();
  }

  static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static Map<String, Role> demoTokens() {
    Map<String, Role> tokens = new LinkedHashMap<>();
    tokens.put("demo-admin", Role.ADMIN);
    tokens.put("demo-supervisor", Role.SUPERVISOR);
    tokens.put("demo-supervisor-de", Role.supervisor("DE"));
    tokens.put("demo-supervisor-at", Role.supervisor("AT"));
    tokens.put("demo-ops", Role.OPS);
    tokens.put("demo-telephony", Role.TELEPHONY);
    tokens.put("demo-adapter", Role.ADAPTER);
    tokens.put("demo-dealer-de-muc-001", Role.dealer("DE-MUC-001"));
    tokens.put("demo-dealer-de-ber-001", Role.dealer("DE-BER-001"));
    tokens.put("demo-agent-sepp", Role.agent("sepp"));
    return Collections.unmodifiableMap(tokens);
  }
}
