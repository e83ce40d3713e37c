package io.omniroute.engine.rules;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs what supervisors ask of rule texts (check, save, simulate) on a worker pool of its own, so
 * that however much of it arrives, at most {@code workers} threads compile rules and intake keeps
 * its cores. At most {@code waiting} more requests wait for a worker; beyond that a request fails
 * at once with {@link RuleWorkBusyException}. A request whose work has not finished within the
 * time budget fails with {@link RuleWorkTimeoutException}, and whatever it would have done next
 * (saving the version) does not happen; the compile itself cannot be interrupted, so it runs to
 * its end on its worker and keeps that worker, and its place in the bound, until then.
 *
 * <p>Thread-safe. Lives as long as the engine's Vert.x instance, which closes the pool.
 */
public final class RuleWork {
  private final Vertx vertx;
  private final WorkerExecutor executor;
  private final int capacity;
  private final Duration budget;
  private final AtomicInteger inProgress = new AtomicInteger();

  public RuleWork(Vertx vertx, int workers, int waiting, Duration budget) {
    this.vertx = vertx;
    this.executor = vertx.createSharedWorkerExecutor("omniroute-rule-work", workers);
    this.capacity = workers + waiting;
    this.budget = budget;
  }

  /** The time a request may take. */
  public Duration budget() {
    return budget;
  }

  /** Runs {@code work} on the pool: its result, or a failure when the pool is full or the budget is spent. */
  public <T> Future<T> run(Callable<T> work) {
    if (inProgress.incrementAndGet() > capacity) {
      inProgress.decrementAndGet();
      return Future.failedFuture(new RuleWorkBusyException(capacity));
    }
    Promise<T> answer = Promise.promise();
    long timer = vertx.setTimer(budget.toMillis(), id -> answer.tryFail(new RuleWorkTimeoutException(budget)));
    executor.executeBlocking(work, false).onComplete(result -> {
      inProgress.decrementAndGet();
      vertx.cancelTimer(timer);
      if (result.succeeded()) {
        answer.tryComplete(result.result());
      } else {
        answer.tryFail(result.cause());
      }
    });
    return answer.future();
  }
}
