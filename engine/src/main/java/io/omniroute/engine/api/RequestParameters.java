package io.omniroute.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The parameters of one request (path, query, header, cookie) as {@link ContractValidation} read
 * and validated them: the one place where a parameter's text becomes a value. Integers are
 * written in plain ASCII digits with an optional minus ({@code 5}, {@code -3}; not {@code +5},
 * {@code 05}, {@code 5.0} or with spaces), numbers as JSON writes them; every value was checked
 * against its schema, whose bounds keep integers within {@code int} (see {@code
 * ContractSchemasTest}). Immutable; created per request.
 */
final class RequestParameters {
  private static final String KEY = "omniroute.parameters";
  private static final Pattern INTEGER = Pattern.compile("0|-?[1-9][0-9]{0,99}");
  private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]{0,99})(\\.[0-9]{1,100})?([eE][+-]?[0-9]{1,9})?");

  private final Map<String, JsonNode> values;

  RequestParameters(Map<String, JsonNode> values) {
    this.values = Map.copyOf(values);
  }

  /** The validated parameters of this request. */
  static RequestParameters of(RoutingContext ctx) {
    RequestParameters parameters = ctx.get(KEY);
    if (parameters == null) {
      throw new IllegalStateException("no validated parameters on " + ctx.request().path()
          + ": put ContractValidation in front of the handler");
    }
    return parameters;
  }

  void attachTo(RoutingContext ctx) {
    ctx.put(KEY, this);
  }

  /** A text parameter, empty when the request does not have it. */
  Optional<String> text(String name) {
    JsonNode value = values.get(name);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  /** An integer parameter, empty when the request does not have it. */
  OptionalInt integer(String name) {
    JsonNode value = values.get(name);
    if (value == null) {
      return OptionalInt.empty();
    }
    if (!value.canConvertToInt()) {
      throw new IllegalStateException("openapi.yaml lets parameter " + name + " exceed an int: give it a maximum");
    }
    return OptionalInt.of(value.intValue());
  }

  /**
   * Reads a parameter's text as a value of its schema's {@code type}.
   *
   * @throws IllegalArgumentException saying how the value must be written
   */
  static JsonNode read(String type, String raw) {
    return switch (type) {
      case "integer" -> {
        if (!INTEGER.matcher(raw).matches()) {
          throw new IllegalArgumentException("must be an integer written in plain digits, such as 5");
        }
        BigInteger integer = new BigInteger(raw);
        yield integer.bitLength() < Long.SIZE ? LongNode.valueOf(integer.longValue()) : BigIntegerNode.valueOf(integer);
      }
      case "number" -> {
        if (!NUMBER.matcher(raw).matches()) {
          throw new IllegalArgumentException("must be a number written as in JSON, such as 2.5");
        }
        yield DecimalNode.valueOf(new BigDecimal(raw));
      }
      case "boolean" -> switch (raw) {
        case "true" -> BooleanNode.TRUE;
        case "false" -> BooleanNode.FALSE;
        default -> throw new IllegalArgumentException("must be true or false");
      };
      default -> TextNode.valueOf(raw);
    };
  }
}
