package io.omniroute.engine.customer;

import io.omniroute.engine.Caller;
import io.omniroute.engine.EngineException;
import io.omniroute.engine.StoreUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;

/**
 * One bulk import of customer rows, fed record by record from a request stream: rows are read
 * into profiles in batches of {@value #BATCH} on a worker thread (phone numbers take
 * libphonenumber a few microseconds each), then written through {@link CustomerService} with the
 * same checks as {@code PUT}, all rows of a batch in flight at once. When {@link #add} says a batch
 * is full, the caller pauses its stream, {@link #flush}es, and resumes when that completes, so at
 * most one batch is held in memory. Good rows are imported even when others are rejected; rows are
 * written as {@code PUT}s, so an import that failed half-way (the store unreachable) can be sent
 * again as a whole.
 *
 * <p>Not thread-safe: create one per import and call it on one event loop.
 */
public final class CustomerImport {
  /** Rows read and written together. */
  public static final int BATCH = 500;

  private final Vertx vertx;
  private final CustomerService customers;
  private final Caller caller;
  private final CustomerRows rows;
  private final ImportReport report = new ImportReport();
  private List<Row> pending = new ArrayList<>(BATCH);

  private record Row(long line, String record) {}

  private record Read(long line, CustomerProfile profile, EngineException problem) {}

  public CustomerImport(Vertx vertx, CustomerService customers, Caller caller, CustomerRows rows) {
    this.vertx = vertx;
    this.customers = customers;
    this.caller = caller;
    this.rows = rows;
  }

  /** Adds a record; answers whether a batch is full, so that the caller flushes it before adding more. */
  public boolean add(long line, String record) {
    pending.add(new Row(line, record));
    return pending.size() >= BATCH;
  }

  /** Reads and writes the rows added since the last flush; completes when every one is stored or rejected. */
  public Future<Void> flush() {
    if (pending.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Row> batch = pending;
    pending = new ArrayList<>(BATCH);
    return vertx.executeBlocking(() -> readAll(batch), false).compose(this::writeAll);
  }

  /** Flushes what is left and answers the report. */
  public Future<ImportReport> finish() {
    return flush().map(done -> report);
  }

  private List<Read> readAll(List<Row> batch) {
    List<Read> read = new ArrayList<>(batch.size());
    for (Row row : batch) {
      try {
        read.add(new Read(row.line(), rows.read(row.record()), null));
      } catch (InvalidCustomerException e) {
        read.add(new Read(row.line(), null, e));
      }
    }
    return read;
  }

  private Future<Void> writeAll(List<Read> batch) {
    List<Future<Void>> writes = new ArrayList<>(batch.size());
    for (Read read : batch) {
      if (read.problem() != null) {
        report.rejected(read.line(), null, read.problem().getMessage());
        continue;
      }
      Promise<Void> written = Promise.promise();
      customers.put(read.profile(), caller).onComplete(saved -> {
        if (saved.succeeded()) {
          report.saved(saved.result());
        } else if (saved.cause() instanceof EngineException problem && !(problem instanceof StoreUnavailableException)) {
          report.rejected(read.line(), read.profile().id(), problem.getMessage());
        } else {
          written.fail(saved.cause());
          return;
        }
        written.complete();
      });
      writes.add(written.future());
    }
    return Future.all(writes).mapEmpty();
  }
}
