package io.omniroute.engine.customer;

import io.omniroute.rules.model.Relationship;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omniroute.engine.customer.InvalidCustomerException.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Reads a customer profile from its JSON form (a {@code PUT} body or an import row) and writes it
 * back: the one place that says what a valid profile is. Reading normalises every identity
 * ({@link Identities}), drops repeated ones, and reports every offending field at once, named as a
 * dotted path with indexes ({@code identities.phones[1]}). Whether the owner dealer exists is the
 * service's check. Stateless and thread-safe.
 *
 * <pre>
 * {"name": "Anna Berger",
 *  "identities": {"phones": ["+49 89 1234567"], "emails": ["Anna@Example.com"],
 *                 "handles": [{"network": "instagram", "handle": "@anna.b"}]},
 *  "ownerDealerId": "DE-MUC-001", "country": "DE", "language": "de", "segment": "private",
 *  "relationship": "indirect"}
 * </pre>
 *
 * Without {@code relationship}, a profile with an owner dealer is {@code indirect} and one without
 * is {@code direct}.
 */
public final class CustomerProfiles {
  /** What a customer id looks like: letters, digits and {@code ._:@-}, 1 to 64 characters. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}");
  /** At most this many identities of each kind per profile. */
  public static final int MAX_IDENTITIES_PER_KIND = 20;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
  private static final Pattern DEALER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Set<String> FIELDS = Set.of(
      "id", "name", "identities", "ownerDealerId", "country", "language", "segment", "relationship");
  private static final Set<String> IDENTITY_FIELDS = Set.of("phones", "emails", "handles");
  private static final int MAX_TEXT = 200;

  private CustomerProfiles() {}

  /**
   * The profile of {@code body} under {@code id}. A body may repeat the id in an {@code id} field;
   * if it does, it must be the same.
   *
   * @throws InvalidCustomerException naming every offending field
   */
  public static CustomerProfile read(String id, JsonNode body) {
    List<FieldError> errors = new ArrayList<>();
    if (id == null || !ID.matcher(id).matches()) {
      errors.add(new FieldError("id", "must be 1 to 64 letters, digits or ._:@- starting with a letter or digit"));
    }
    if (body == null || !body.isObject()) {
      errors.add(new FieldError("", "must be a JSON object"));
      throw new InvalidCustomerException(errors);
    }
    body.fieldNames().forEachRemaining(field -> {
      if (!FIELDS.contains(field)) {
        errors.add(new FieldError(field, "is not a field of a customer profile (allowed: " + String.join(", ", sorted(FIELDS)) + ")"));
      }
    });
    String bodyId = text(body, "id", 64, null, errors);
    if (bodyId != null && !bodyId.equals(id)) {
      errors.add(new FieldError("id", "is '" + bodyId + "' but the profile is stored as '" + id + "'"));
    }
    String name = text(body, "name", MAX_TEXT, null, errors);
    String country = text(body, "country", 2, COUNTRY, errors);
    String language = text(body, "language", 35, LANGUAGE, errors);
    String segment = text(body, "segment", 64, null, errors);
    String owner = text(body, "ownerDealerId", 64, DEALER, errors);
    String relationshipText = text(body, "relationship", 16, null, errors);
    Relationship relationship = relationshipText == null
        ? (owner == null ? Relationship.DIRECT : Relationship.INDIRECT)
        : Relationship.fromWire(relationshipText);
    if (relationship == null) {
      errors.add(new FieldError("relationship", "must be direct or indirect, not '" + relationshipText + "'"));
    }
    JsonNode identities = body.path("identities");
    List<String> phones = List.of();
    List<String> emails = List.of();
    List<CustomerProfile.Handle> handles = List.of();
    if (!identities.isMissingNode() && !identities.isNull()) {
      if (!identities.isObject()) {
        errors.add(new FieldError("identities", "must be an object with phones, emails and handles"));
      } else {
        identities.fieldNames().forEachRemaining(field -> {
          if (!IDENTITY_FIELDS.contains(field)) {
            errors.add(new FieldError("identities." + field, "is not a kind of identity (allowed: emails, handles, phones)"));
          }
        });
        phones = list(identities, "phones", errors, (value, field) -> {
          String phone = value.isTextual() ? Identities.phone(value.asText(), country) : null;
          if (phone == null) {
            errors.add(new FieldError(field, phoneProblem(value, country)));
          }
          return phone;
        });
        emails = list(identities, "emails", errors, (value, field) -> {
          String email = value.isTextual() ? Identities.email(value.asText()) : null;
          if (email == null) {
            errors.add(new FieldError(field, "must be an email address such as anna@example.com, not " + value));
          }
          return email;
        });
        handles = list(identities, "handles", errors, (value, field) -> handle(value, field, errors));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidCustomerException(errors);
    }
    return new CustomerProfile(id, name, phones, emails, handles, owner, country, language, segment, relationship);
  }

  /** The JSON form of a profile, as {@code GET /v1/customers/{id}} answers it. */
  public static ObjectNode write(CustomerProfile profile) {
    ObjectNode json = JSON.createObjectNode().put("id", profile.id());
    putIfSet(json, "name", profile.name());
    ObjectNode identities = json.putObject("identities");
    ArrayNode phones = identities.putArray("phones");
    profile.phones().forEach(phones::add);
    ArrayNode emails = identities.putArray("emails");
    profile.emails().forEach(emails::add);
    ArrayNode handles = identities.putArray("handles");
    profile.handles().forEach(handle -> handles.addObject().put("network", handle.network()).put("handle", handle.handle()));
    putIfSet(json, "ownerDealerId", profile.ownerDealerId());
    putIfSet(json, "country", profile.country());
    putIfSet(json, "language", profile.language());
    putIfSet(json, "segment", profile.segment());
    json.put("relationship", profile.relationship().wireName());
    return json;
  }

  private static void putIfSet(ObjectNode json, String field, String value) {
    if (value != null) {
      json.put(field, value);
    }
  }

  private static CustomerProfile.Handle handle(JsonNode value, String field, List<FieldError> errors) {
    if (!value.isObject()) {
      errors.add(new FieldError(field, "must be an object {\"network\": \"instagram\", \"handle\": \"anna.b\"}"));
      return null;
    }
    String network = Identities.network(value.path("network").isTextual() ? value.path("network").asText() : null);
    String handle = Identities.handle(value.path("handle").isTextual() ? value.path("handle").asText() : null);
    if (network == null) {
      errors.add(new FieldError(field + ".network", "must name the network in letters, digits or ._- (instagram, facebook, x)"));
    }
    if (handle == null) {
      errors.add(new FieldError(field + ".handle", "must be the handle on that network, 1 to 64 letters, digits or ._-"));
    }
    return network == null || handle == null ? null : new CustomerProfile.Handle(network, handle);
  }

  private static String phoneProblem(JsonNode value, String country) {
    if (!value.isTextual()) {
      return "must be a phone number as text, not " + value;
    }
    String text = value.asText().strip();
    if (country == null && !text.startsWith("+") && !text.startsWith("00")) {
      return "'" + text + "' is a national number and the profile has no country to read it in: write it as +<country code><number> or set country";
    }
    return "'" + text + "' is not a valid phone number" + (country == null ? "" : " in " + country) + ": write it as +<country code><number>";
  }

  private static <T> List<T> list(JsonNode parent, String name, List<FieldError> errors, BiFunction<JsonNode, String, T> read) {
    JsonNode values = parent.path(name);
    if (values.isMissingNode() || values.isNull()) {
      return List.of();
    }
    String path = "identities." + name;
    if (!values.isArray()) {
      errors.add(new FieldError(path, "must be an array"));
      return List.of();
    }
    if (values.size() > MAX_IDENTITIES_PER_KIND) {
      errors.add(new FieldError(path, "has " + values.size() + " entries; at most " + MAX_IDENTITIES_PER_KIND + " are allowed"));
      return List.of();
    }
    Set<T> distinct = new LinkedHashSet<>();
    for (int i = 0; i < values.size(); i++) {
      T value = read.apply(values.get(i), path + "[" + i + "]");
      if (value != null) {
        distinct.add(value);
      }
    }
    return List.copyOf(distinct);
  }

  private static String text(JsonNode body, String field, int maxLength, Pattern pattern, List<FieldError> errors) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      errors.add(new FieldError(field, "must be text, not " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
      return null;
    }
    String text = value.asText();
    if (text.isEmpty() || text.length() > maxLength) {
      errors.add(new FieldError(field, "must be 1 to " + maxLength + " characters"));
      return null;
    }
    if (pattern != null && !pattern.matcher(text).matches()) {
      errors.add(new FieldError(field, "'" + text + "' " + switch (field) {
        case "country" -> "is not a country code: two capital letters such as DE";
        case "language" -> "is not a language tag (BCP 47) such as de or en-GB";
        default -> "is not a dealer id of letters, digits and ._-";
      }));
      return null;
    }
    return text;
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}
