package io.omniroute.engine.api;

import io.omniroute.engine.Caller;
import io.omniroute.engine.customer.CustomerImport;
import io.omniroute.engine.customer.CustomerRows;
import io.omniroute.engine.customer.CustomerService;
import io.omniroute.engine.customer.ImportReport;
import io.omniroute.engine.customer.InvalidCustomerException;
import io.omniroute.engine.http.Problem;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * One customer import request read as a stream: the body is split into lines ({@link
 * RecordParser}), CSV records that go on over several lines (a quoted line break) are joined, and
 * the records go to a {@link CustomerImport}, with the request paused while a batch is written. A
 * line longer than {@value #MAX_RECORD_BYTES} bytes ends the import with {@code 400}; the rows
 * before it stay imported.
 *
 * <p>Not thread-safe: one per request, on the request's event loop.
 */
final class ImportStream {
  /** The longest line (one record) an import may have. */
  static final int MAX_RECORD_BYTES = 64 * 1024;
  static final String JSON_LINES = "application/x-ndjson";
  static final String CSV = "text/csv";

  private final RoutingContext ctx;
  private final CustomerService customers;
  private final Caller caller;
  private final boolean csv;
  private final RecordParser parser;
  private CustomerImport importer;
  private long line;
  private StringBuilder open;
  private long openedAt;

  ImportStream(RoutingContext ctx, CustomerService customers, Caller caller) {
    this.ctx = ctx;
    this.customers = customers;
    this.caller = caller;
    this.csv = CSV.equals(mediaType(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE)));
    this.parser = RecordParser.newDelimited("\n", ctx.request()).maxRecordSize(MAX_RECORD_BYTES);
  }

  /** What is wrong with how the body is sent, if anything. */
  static Optional<String> mediaTypeProblem(String contentType, String contentEncoding) {
    String type = mediaType(contentType);
    boolean utf8 = contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("charset=")
        || contentType.toLowerCase(Locale.ROOT).replace(" ", "").contains("charset=utf-8");
    if ((!JSON_LINES.equals(type) && !CSV.equals(type)) || !utf8) {
      return Optional.of("Send the rows as " + JSON_LINES + " (one JSON profile with its id per line) or as " + CSV
          + " (RFC 4180 with a header row), in UTF-8; not '" + contentType + "'.");
    }
    if (contentEncoding != null && !contentEncoding.strip().equalsIgnoreCase("identity")) {
      return Optional.of("Send the rows without Content-Encoding; not '" + contentEncoding + "'.");
    }
    return Optional.empty();
  }

  void start() {
    if (!csv) {
      importer = new CustomerImport(ctx.vertx(), customers, caller, CustomerRows.jsonLines());
    }
    parser.handler(this::line);
    parser.exceptionHandler(failure -> {
      if (!ctx.response().ended()) {
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        Problem.send(ctx, 400, "Invalid import", "Line " + (line + 1) + " is longer than " + MAX_RECORD_BYTES / 1024
            + " KiB; the rows before it were imported. Shorten it and send the rest again.");
      }
    });
    parser.endHandler(end -> {
      if (open != null) {
        importer.add(openedAt, open.toString());
      }
      finish();
    });
    ctx.request().resume();
  }

  private void line(Buffer bytes) {
    line++;
    if (ctx.response().ended()) {
      return;
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    String record = csv ? joined(text) : text;
    if (record == null || record.isBlank()) {
      return;
    }
    long recordLine = csv && openedAt > 0 ? openedAt : line;
    openedAt = 0;
    if (importer == null) {
      header(record);
      return;
    }
    if (importer.add(recordLine, record)) {
      parser.pause();
      importer.flush().onSuccess(done -> parser.resume()).onFailure(this::fail);
    }
  }

  /** The CSV record this line completes, or {@code null} while a quoted field is still open. */
  private String joined(String text) {
    if (open != null) {
      open.append('\n').append(text);
      if (CustomerRows.isOpen(open)) {
        return null;
      }
      String record = open.toString();
      open = null;
      return record;
    }
    if (CustomerRows.isOpen(text)) {
      open = new StringBuilder(text);
      openedAt = line;
      return null;
    }
    return text;
  }

  private void header(String record) {
    try {
      importer = new CustomerImport(ctx.vertx(), customers, caller, CustomerRows.csv(record));
    } catch (InvalidCustomerException e) {
      JsonArray errors = new JsonArray();
      e.errors().forEach(error -> errors.add(Problem.fieldError(error.field(), error.message())));
      ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
      Problem.send(ctx, 400, "Invalid import", "The header row is wrong: " + e.getMessage() + ". Name the columns "
          + String.join(", ", CustomerRows.CSV_COLUMNS) + " (id required). Nothing was imported.", errors);
      parser.pause();
    }
  }

  private void finish() {
    if (ctx.response().ended()) {
      return;
    }
    if (importer == null) {
      Problem.send(ctx, 400, "Invalid import", "The body has no rows: send one profile per line, after a header row for CSV.");
      return;
    }
    importer.finish().onSuccess(this::answer).onFailure(this::fail);
  }

  private void answer(ImportReport report) {
    JsonArray rejects = new JsonArray();
    report.rejects().forEach(reject -> rejects.add(new JsonObject()
        .put("line", reject.line()).put("id", reject.id()).put("problem", reject.problem())));
    Responses.json(ctx, 200, new JsonObject()
        .put("imported", report.imported())
        .put("updated", report.updated())
        .put("rejected", report.rejected())
        .put("rejects", rejects));
  }

  private void fail(Throwable failure) {
    if (!ctx.response().ended()) {
      ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
      ctx.fail(failure);
    }
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }
}
