package io.omniroute.engine.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tokens YAML, from a file ({@code --tokens FILE}) or inline ({@code OMNIROUTE_TOKENS}):
 *
 * <pre>
 * tokens:
 *   - name: anna                   # who; the author in the audit log
 *     sha256: 5e8848...1542d8      # SHA-256 hex of the token (java -jar omniroute-engine.jar hash-token)
 *     roles: [supervisor:DE]
 * </pre>
 *
 * Stateless.
 */
final class TokensFile {
  static final String HASH_HINT = "java -jar omniroute-engine.jar hash-token";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

  private TokensFile() {}

  record Values(List<EntryValues> tokens) {}

  record EntryValues(String name, String sha256, List<Object> roles) {}

  static List<AccessTokens.Entry> read(Path file) {
    String source = "tokens file " + file;
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new AccessTokensException(source + ": cannot read: " + e);
    }
    return parse(text, source);
  }

  static List<AccessTokens.Entry> parse(String yaml, String source) {
    Values values;
    try {
      values = yaml == null || yaml.isBlank() ? null : YAML.readValue(yaml, Values.class);
    } catch (UnrecognizedPropertyException e) {
      String hint = "token".equals(e.getPropertyName()) || "secret".equals(e.getPropertyName())
          ? "; never store a token itself, only its SHA-256 (" + HASH_HINT + ")" : "";
      throw new AccessTokensException(source + ": unknown key '" + e.getPropertyName() + "' at line "
          + e.getLocation().getLineNr() + ": allowed keys are " + e.getKnownPropertyIds() + hint);
    } catch (MismatchedInputException e) {
      throw new AccessTokensException(source + ": unexpected value at line " + e.getLocation().getLineNr()
          + ": the shape is 'tokens:' followed by a list of entries with name, sha256 and roles");
    } catch (JsonProcessingException e) {
      throw new AccessTokensException(source + ": invalid YAML at line " + e.getLocation().getLineNr() + ": "
          + e.getOriginalMessage());
    }
    if (values == null || values.tokens() == null || values.tokens().isEmpty()) {
      throw new AccessTokensException(source + ": no tokens: write 'tokens:' followed by at least one entry with"
          + " name, sha256 and roles");
    }
    List<AccessTokens.Entry> entries = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    Map<String, Integer> hashes = new HashMap<>();
    for (int i = 0; i < values.tokens().size(); i++) {
      EntryValues entry = values.tokens().get(i);
      String where = source + ": tokens[" + i + "]";
      if (entry == null) {
        throw new AccessTokensException(where + " is empty: give name, sha256 and roles");
      }
      if (entry.name() == null || entry.name().isBlank()) {
        throw new AccessTokensException(where + ": name is missing: say whose token it is (letters, digits, '.',"
            + " '_', '@', '-'); it is the author in the audit log");
      }
      String name = entry.name().strip();
      where += " (" + name + ")";
      if (!NAME.matcher(name).matches()) {
        throw new AccessTokensException(where + ": name must be 1-64 letters, digits, '.', '_', '@' or '-'");
      }
      Integer sameName = names.putIfAbsent(name, i);
      if (sameName != null) {
        throw new AccessTokensException(where + ": duplicate name, also tokens[" + sameName + "]: names must be"
            + " unique, they identify who did what");
      }
      String hash = sha256(entry.sha256(), where);
      Integer sameHash = hashes.putIfAbsent(hash, i);
      if (sameHash != null) {
        throw new AccessTokensException(where + ": the same sha256 as tokens[" + sameHash + "]: every token must be"
            + " unique");
      }
      entries.add(new AccessTokens.Entry(name, HexFormat.of().parseHex(hash), roles(entry.roles(), where), source));
    }
    return entries;
  }

  private static String sha256(String value, String where) {
    if (value == null || value.isBlank()) {
      throw new AccessTokensException(where + ": sha256 is missing: give the SHA-256 hex of the token (" + HASH_HINT
          + " reads the token from standard input and prints it)");
    }
    String hex = value.strip();
    if (!SHA256_HEX.matcher(hex).matches()) {
      throw new AccessTokensException(where + ": sha256 must be 64 hex characters (the SHA-256 of the token, from "
          + HASH_HINT + "), got " + hex.length() + " characters" + (hex.length() == 64 ? " with non-hex ones" : ""));
    }
    return hex.toLowerCase(java.util.Locale.ROOT);
  }

  private static Set<Role> roles(List<Object> values, String where) {
    if (values == null || values.isEmpty()) {
      throw new AccessTokensException(where + ": roles is missing: give at least one of " + Role.VALID_FORMS);
    }
    Set<Role> roles = new LinkedHashSet<>();
    for (Object value : values) {
      if (!(value instanceof String text)) {
        throw new AccessTokensException(where + ": role " + value + " is not a role name: write roles without a"
            + " space after the colon, e.g. [supervisor:DE, dealer:DE-MUC-001]");
      }
      try {
        roles.add(Role.parse(text));
      } catch (IllegalArgumentException e) {
        throw new AccessTokensException(where + ": " + e.getMessage());
      }
    }
    return roles;
  }
}
