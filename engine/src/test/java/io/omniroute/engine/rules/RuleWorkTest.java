package io.omniroute.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RuleWorkTest {
  private Vertx vertx;
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private String blockUntilReleased() throws InterruptedException {
    release.await(30, TimeUnit.SECONDS);
    return "done";
  }

  @Test
  void answersTheResultOfWorkWithinTheBudget() throws Exception {
    RuleWork work = new RuleWork(vertx, 1, 1, Duration.ofSeconds(30));

    assertThat(await(work.run(() -> "checked"))).isEqualTo("checked");
  }

  @Test
  void failsARequestWhoseWorkOutlastsTheBudgetAndSkipsWhatFollows() throws Exception {
    RuleWork work = new RuleWork(vertx, 1, 1, Duration.ofMillis(200));
    AtomicBoolean saved = new AtomicBoolean();

    Throwable failure = catchThrowable(() -> await(work.run(this::blockUntilReleased).onSuccess(done -> saved.set(true))));

    assertThat(failure).isInstanceOf(RuleWorkTimeoutException.class);
    release.countDown();
    assertThat(await(work.run(() -> "after the slow one"))).isEqualTo("after the slow one");
    assertThat(saved).isFalse();
  }

  @Test
  void refusesWorkBeyondItsWorkersAndWaitingPlacesAtOnce() throws Exception {
    RuleWork work = new RuleWork(vertx, 1, 1, Duration.ofSeconds(30));
    Future<String> running = work.run(this::blockUntilReleased);
    Future<String> waiting = work.run(this::blockUntilReleased);

    Throwable refused = catchThrowable(() -> await(work.run(() -> "too many")));

    assertThat(refused).isInstanceOf(RuleWorkBusyException.class);
    release.countDown();
    assertThat(await(running)).isEqualTo("done");
    assertThat(await(waiting)).isEqualTo("done");
    assertThat(await(work.run(() -> "room again"))).isEqualTo("room again");
  }

  private static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }
}
