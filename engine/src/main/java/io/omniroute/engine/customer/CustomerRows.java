package io.omniroute.engine.customer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.omniroute.engine.customer.InvalidCustomerException.FieldError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the rows of a customer import, one record at a time, into profiles ({@link
 * CustomerProfiles}), so that a file of any length is never held whole.
 *
 * <ul>
 *   <li>JSON Lines ({@code application/x-ndjson}): one profile object per line, with its {@code id};
 *   <li>CSV ({@code text/csv}, RFC 4180) with a header row naming the columns {@code id} (required),
 *       {@code name}, {@code phones}, {@code emails}, {@code handles}, {@code ownerDealerId},
 *       {@code country}, {@code language}, {@code segment}, {@code relationship}, in any order.
 *       Several phones or emails in one cell are separated by {@code ;}, handles are written {@code
 *       network:handle}; an empty cell is no value.
 * </ul>
 *
 * Immutable and thread-safe: worker threads may read rows of one import in parallel.
 */
public final class CustomerRows {
  /** The columns a CSV header may name. */
  public static final List<String> CSV_COLUMNS = List.of(
      "id", "name", "phones", "emails", "handles", "ownerDealerId", "country", "language", "segment", "relationship");
  private static final ObjectReader JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build().reader();
  private static final ObjectReader CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
      .readerFor(String[].class);
  private static final ObjectMapper NODES = new ObjectMapper();

  private final List<String> columns;

  private CustomerRows(List<String> columns) {
    this.columns = columns;
  }

  /** Rows of JSON Lines. */
  public static CustomerRows jsonLines() {
    return new CustomerRows(null);
  }

  /**
   * Rows of CSV under this header record.
   *
   * @throws InvalidCustomerException when the header names an unknown column, a column twice, or no {@code id}
   */
  public static CustomerRows csv(String header) {
    List<String> columns = List.of(cells(header));
    List<FieldError> errors = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String column : columns) {
      if (!CSV_COLUMNS.contains(column)) {
        errors.add(new FieldError(column, "is not a column of a customer import (allowed: " + String.join(", ", CSV_COLUMNS) + ")"));
      } else if (!seen.add(column)) {
        errors.add(new FieldError(column, "is named twice"));
      }
    }
    if (!seen.contains("id")) {
      errors.add(new FieldError("id", "the header needs an id column"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidCustomerException(errors);
    }
    return new CustomerRows(columns);
  }

  /**
   * The profile of one record.
   *
   * @throws InvalidCustomerException naming every offending field of the row
   */
  public CustomerProfile read(String record) {
    JsonNode row = columns == null ? json(record) : csvRow(record);
    JsonNode id = row.get("id");
    return CustomerProfiles.read(id != null && id.isTextual() ? id.asText() : null, row);
  }

  /** Whether a CSV record is still open: a quoted field goes on past the end of this line. */
  public static boolean isOpen(CharSequence record) {
    int quotes = 0;
    for (int i = 0; i < record.length(); i++) {
      if (record.charAt(i) == '"') {
        quotes++;
      }
    }
    return quotes % 2 == 1;
  }

  private static JsonNode json(String record) {
    try {
      JsonNode row = JSON.readTree(record);
      if (row == null || !row.isObject()) {
        throw invalid("", "each line must be one JSON object with the profile's fields and its id");
      }
      return row;
    } catch (JsonProcessingException e) {
      throw invalid("", "is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw invalid("", "cannot be read: " + e.getMessage());
    }
  }

  private JsonNode csvRow(String record) {
    String[] cells = cells(record);
    if (cells.length != columns.size()) {
      throw invalid("", "has " + cells.length + " cells; the header has " + columns.size());
    }
    ObjectNode row = NODES.createObjectNode();
    ObjectNode identities = NODES.createObjectNode();
    for (int i = 0; i < cells.length; i++) {
      String cell = cells[i].strip();
      if (cell.isEmpty()) {
        continue;
      }
      String column = columns.get(i);
      switch (column) {
        case "phones", "emails" -> identities.set(column, list(cell));
        case "handles" -> {
          ArrayNode handles = identities.putArray("handles");
          for (String handle : cell.split(";")) {
            int colon = handle.indexOf(':');
            handles.addObject().put("network", colon < 0 ? "" : handle.substring(0, colon).strip())
                .put("handle", handle.substring(colon + 1).strip());
          }
        }
        default -> row.put(column, cell);
      }
    }
    if (!identities.isEmpty()) {
      row.set("identities", identities);
    }
    return row;
  }

  private static ArrayNode list(String cell) {
    ArrayNode values = NODES.createArrayNode();
    for (String value : cell.split(";")) {
      values.add(value.strip());
    }
    return values;
  }

  private static String[] cells(String record) {
    try {
      try (MappingIterator<String[]> records = CSV.readValues(record)) {
        return records.hasNext() ? records.next() : new String[0];
      }
    } catch (IOException e) {
      throw invalid("", "is not a CSV record: " + e.getMessage().lines().findFirst().orElse("").toLowerCase(Locale.ROOT));
    }
  }

  private static InvalidCustomerException invalid(String field, String message) {
    return new InvalidCustomerException(List.of(new FieldError(field, message)));
  }
}
