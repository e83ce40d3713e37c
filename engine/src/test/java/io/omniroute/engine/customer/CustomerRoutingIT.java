package io.omniroute.engine.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.support.RunningEngine;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Routing that knows who owns the customer, through the running engine. */
class CustomerRoutingIT {
  private static final String ANNA = """
      {"name": "Anna Berger", "identities": {"phones": ["+49891234567"], "emails": ["anna@example.com"],
       "handles": [{"network": "instagram", "handle": "anna.b"}]},
       "ownerDealerId": "DE-MUC-001", "country": "DE", "language": "de", "segment": "private"}""";
  private static final String FLEET = """
      {"name": "Fleet GmbH", "identities": {"emails": ["fleet@example.de"]}, "country": "DE", "segment": "fleet",
       "relationship": "direct"}""";

  private RunningEngine engine;

  @BeforeEach
  void start() {
    engine = RunningEngine.start();
    assertThat(engine.put("/v1/customers/C-1001", ANNA).statusCode()).isEqualTo(201);
    assertThat(engine.put("/v1/customers/C-3003", FLEET).statusCode()).isEqualTo(201);
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Is my car ready? The VIN is WNW12345678901234.|en",
      "Ist mein Auto fertig? Die FIN ist WNW12345678901234.|de"})
  void routesASpecificationEmailFromAKnownCustomerToTheOwnerDealerWithNoDealerNamed(String text, String language) {
    JsonObject decision = engine.createContact(new JsonObject().put("channel", "email")
        .put("from", new JsonObject().put("email", "Anna@Example.com")).put("language", language)
        .put("references", new JsonObject().put("vin", "WNW12345678901234")).put("text", text).encode());

    assertThat(decision.getJsonObject("route").getString("queue")).isEqualTo("dealer:DE-MUC-001");
    assertThat(decision.getJsonArray("trace")).contains("Route: specification to the relationship owner");
    assertThat(decision.getJsonObject("customer")).isEqualTo(new JsonObject().put("id", "C-1001")
        .put("identification", "IDENTIFIED").put("relationship", "indirect").put("ownerDealerId", "DE-MUC-001"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "When is the service of my car due?|+49891234567",
      "Wann ist die Inspektion meines Autos fällig?|+49 89 1234567"})
  void theOwnerWinsOverAnotherDealerNamedOnTheContact(String text, String phone) {
    JsonObject decision = engine.createContact(new JsonObject().put("channel", "voice")
        .put("from", new JsonObject().put("phone", phone.replace(" ", ""))).put("dealerId", "DE-BER-001")
        .put("references", new JsonObject().put("vin", "WNW12345678901234")).put("text", text).encode());

    assertThat(decision.getJsonObject("route").getString("queue")).isEqualTo("dealer:DE-MUC-001");
    assertThat(decision.getJsonObject("customer").getString("id")).isEqualTo("C-1001");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Is my car ready?",
      "Ist mein Auto fertig?"})
  void aDirectCustomersSpecificationQuestionGoesToTheCountryQueueOfTheProfile(String text) {
    JsonObject decision = engine.createContact(new JsonObject().put("channel", "email")
        .put("from", new JsonObject().put("email", "fleet@example.de")).put("dealerId", "DE-BER-001")
        .put("references", new JsonObject().put("vin", "WNW12345678901234")).put("text", text).encode());

    assertThat(decision.getJsonObject("route").getString("queue")).isEqualTo("country:DE");
    assertThat(decision.getJsonArray("trace")).contains("Route: specification from a direct customer to the country");
    assertThat(decision.getJsonObject("customer").getString("relationship")).isEqualTo("direct");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Ma voiture est-elle prête ? J'attends depuis lundi.|dealer:FR-LYO-001",
      "Quels sont vos horaires d'ouverture ?|country:FR",
      "J'ai eu un accident, la voiture est en panne sur l'autoroute|central"})
  void aFrenchCustomerOfTheLyonDealerIsRoutedByWhatTheyWrite(String text, String queue) {
    engine.put("/v1/customers/C-5005", "{\"name\":\"Camille Martin\",\"identities\":{\"phones\":[\"04 72 00 00 00\"]},"
        + "\"ownerDealerId\":\"FR-LYO-001\",\"country\":\"FR\",\"language\":\"fr\"}");

    JsonObject decision = engine.createContact(new JsonObject().put("channel", "sms")
        .put("from", new JsonObject().put("phone", "+33472000000")).put("text", text).encode());

    assertThat(decision.getJsonObject("route").getString("queue")).isEqualTo(queue);
    assertThat(decision.getJsonObject("customer").getString("id")).isEqualTo("C-5005");
  }

  @Test
  void aContactNamingTheCustomerIdIsIdentifiedByIt() {
    JsonObject decision = engine.createContact(new JsonObject().put("channel", "chat").put("customerId", "C-1001")
        .put("references", new JsonObject().put("orderId", "O-77")).put("text", "Where is my order?").encode());

    assertThat(decision.getJsonObject("route").getString("queue")).isEqualTo("dealer:DE-MUC-001");
    assertThat(decision.getJsonObject("customer").getString("identification")).isEqualTo("IDENTIFIED");
  }

  @Test
  void aSocialPostIsIdentifiedByItsHandle() {
    JsonObject decision = engine.createContact(new JsonObject().put("channel", "social")
        .put("from", new JsonObject().put("network", "Instagram").put("handle", "@Anna.B"))
        .put("references", new JsonObject().put("vin", "WNW12345678901234")).put("text", "My car makes a noise").encode());

    assertThat(decision.getJsonObject("customer").getString("id")).isEqualTo("C-1001");
    assertThat(decision.getJsonObject("route").getString("queue")).isEqualTo("dealer:DE-MUC-001");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "I had an accident, the car is on fire",
      "Ich hatte einen Unfall, das Auto brennt"})
  void anEmergencyFromAKnownCustomerStillGoesToTheCentralDesk(String text) {
    JsonObject decision = engine.createContact(new JsonObject().put("channel", "voice")
        .put("from", new JsonObject().put("phone", "+49891234567")).put("text", text).encode());

    assertThat(decision.getJsonObject("route").getString("queue")).isEqualTo("central");
    assertThat(decision.getJsonObject("customer").getString("id")).isEqualTo("C-1001");
  }

  @Test
  void anUnknownSenderIsUnidentifiedAndRoutesAsBefore() {
    JsonObject direct = engine.createContact("{\"channel\":\"email\",\"from\":{\"email\":\"nobody@example.com\"},"
        + "\"country\":\"DE\",\"references\":{\"vin\":\"WNW12345678901234\"},\"text\":\"Is my car ready?\"}");
    JsonObject viaDealer = engine.createContact("{\"channel\":\"email\",\"from\":{\"email\":\"nobody@example.com\"},"
        + "\"dealerId\":\"DE-BER-001\",\"references\":{\"vin\":\"WNW12345678901234\"},\"text\":\"Is my car ready?\"}");

    assertThat(direct.getJsonObject("route").getString("queue")).isEqualTo("country:DE");
    assertThat(direct.getJsonObject("customer")).isEqualTo(new JsonObject().putNull("id")
        .put("identification", "UNIDENTIFIED").put("relationship", "direct").putNull("ownerDealerId"));
    assertThat(viaDealer.getJsonObject("route").getString("queue")).isEqualTo("dealer:DE-BER-001");
    assertThat(viaDealer.getJsonObject("customer").getString("relationship")).isEqualTo("indirect");
  }

  @Test
  void theContactShowsItsCustomerAndTheMetricsCountTheSector() {
    String id = engine.createContact("{\"channel\":\"email\",\"from\":{\"email\":\"anna@example.com\"},"
        + "\"text\":\"What are your opening hours?\"}").getString("id");

    JsonObject contact = new JsonObject(engine.get("/v1/contacts/" + id).body());

    assertThat(contact.getJsonObject("customer").getString("id")).isEqualTo("C-1001");
    assertThat(contact.getJsonObject("route").getString("queue")).isEqualTo("country:DE");
    assertThat(engine.as("demo-ops").get("/metrics").body()).contains(
        "omniroute_contacts_received_total{channel=\"email\",identification=\"IDENTIFIED\",level=\"COUNTRY\","
            + "relationship=\"indirect\"} 1.0");
  }
}
