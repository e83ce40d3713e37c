package io.omniroute.engine.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.StoreOptions;
import io.omniroute.engine.customer.RedisCustomerStore;
import io.omniroute.engine.delivery.RedisAgentStore;
import io.omniroute.engine.queue.redis.RedisQueueStore;
import io.omniroute.engine.rules.RedisRuleStore;
import io.omniroute.engine.stream.RedisEventStreams;
import io.omniroute.engine.support.RedisForTests;
import io.omniroute.engine.support.RunningEngine;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Customers on Redis through the running engine: a profile written on one node identifies the
 * sender of a contact taken by another, an erasure on one node reaches the contacts and what the
 * other node keeps for simulations, and an intake from a
 * known customer costs two round trips to Redis (the identification, the accept).
 */
class RedisCustomersIT {
  private static final String ANNA = "{\"identities\":{\"phones\":[\"+49891234567\"]},\"ownerDealerId\":\"DE-MUC-001\","
      + "\"country\":\"DE\"}";
  private static final String CALL = "{\"channel\":\"voice\",\"from\":{\"phone\":\"+49891234567\"},"
      + "\"references\":{\"vin\":\"WNW12345678901234\"},\"text\":\"Is my car ready?\"}";

  @Test
  void aProfileWrittenOnOneNodeRoutesTheContactsOfAnotherAndAnErasureReachesThem() throws InterruptedException {
    String namespace = "customers-it-" + UUID.randomUUID();
    try (RunningEngine first = start(namespace); RunningEngine second = start(namespace)) {
      assertThat(first.put("/v1/customers/C-1001", ANNA).statusCode()).isEqualTo(201);

      JsonObject decision = second.createContact(CALL);

      assertThat(decision.getJsonObject("route").getString("queue")).isEqualTo("dealer:DE-MUC-001");
      assertThat(decision.getJsonObject("customer").getString("id")).isEqualTo("C-1001");
      assertThat(simulatedOn(second)).isEqualTo(1);
      JsonObject erased = new JsonObject(first.delete("/v1/customers/C-1001").body());
      assertThat(erased.getInteger("contacts")).isEqualTo(1);
      long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (simulatedOn(second) != 0 && System.nanoTime() < until) {
        Thread.sleep(20);
      }
      assertThat(simulatedOn(second)).as("the other node forgot the contact it keeps for simulations").isZero();
      JsonObject contact = new JsonObject(first.get("/v1/contacts/" + decision.getString("id")).body());
      assertThat(contact.getBoolean("erased")).isTrue();
      assertThat(contact.encode()).doesNotContain("+49891234567", "C-1001");
      assertThat(first.get("/v1/customers/C-1001").statusCode()).isEqualTo(404);
      JsonObject audit = new JsonObject(first.get("/v1/audit?limit=1").body()).getJsonArray("entries").getJsonObject(0);
      assertThat(audit.getString("action")).isEqualTo("erased");
    }
  }

  @Test
  void anIntakeFromAKnownCustomerTakesTwoRoundTripsToRedis() throws Exception {
    String namespace = "round-trips-" + UUID.randomUUID();
    try (RunningEngine engine = start(namespace)) {
      engine.put("/v1/customers/C-1001", ANNA);
      engine.createContact(CALL);

      List<String> commands = commandsWhile(() -> engine.createContact(CALL)).stream()
          .filter(command -> !command.contains(namespace + ":events"))
          .toList();

      assertThat(commands).as("commands the engine sent to Redis for one contact, but for the stream event it"
              + " appends on a connection of its own after answering").hasSize(2)
          .allSatisfy(command -> assertThat(command.toLowerCase(java.util.Locale.ROOT)).startsWith("\"evalsha\""));
    }
  }

  /** How many recent contacts a simulation on this node replays. */
  private static int simulatedOn(RunningEngine node) {
    return new JsonObject(node.post("/v1/rules/global/simulate", "{\"version\":1,\"lastSeen\":100}").body())
        .getInteger("contacts");
  }

  private static RunningEngine start(String namespace) {
    RedisConnection connection = RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(2));
    StoreOptions.Stores stores = new StoreOptions.Stores(RedisQueueStore.open(connection, namespace, 1, Duration.ofHours(1)),
        new RedisRuleStore(connection, namespace), RedisCustomerStore.open(connection, namespace),
        RedisAgentStore.open(connection, namespace),
        RedisEventStreams.open(RedisForTests.url(), Duration.ofSeconds(5), namespace));
    return RunningEngine.start(RunningEngine.testOptions().withEscalationInterval(Duration.ofHours(1)), stores,
        Clock.systemUTC());
  }

  /** The commands clients (not scripts) sent to Redis while {@code action} ran, as MONITOR shows them. */
  private static List<String> commandsWhile(Runnable action) throws IOException, InterruptedException {
    URI redis = URI.create(RedisForTests.url());
    try (Socket monitor = new Socket(redis.getHost(), redis.getPort())) {
      OutputStream out = monitor.getOutputStream();
      BufferedReader in = new BufferedReader(new InputStreamReader(monitor.getInputStream(), StandardCharsets.UTF_8));
      out.write("MONITOR\r\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      assertThat(in.readLine()).isEqualTo("+OK");
      action.run();
      out.write("PING\r\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      List<String> commands = new ArrayList<>();
      for (String line = in.readLine(); line != null && !line.equals("+PONG"); line = in.readLine()) {
        int client = line.indexOf("] ");
        if (!line.contains(" lua]") && client > 0) {
          commands.add(line.substring(client + 2));
        }
      }
      return commands;
    }
  }
}
