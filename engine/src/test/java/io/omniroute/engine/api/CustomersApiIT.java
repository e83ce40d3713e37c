package io.omniroute.engine.api;

import static io.omniroute.engine.api.ContactsApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.support.RunningEngine;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Customer profiles through the running engine: the single customer view and who may see it. */
class CustomersApiIT {
  private static final String ANNA = """
      {"name": "Anna Berger",
       "identities": {"phones": ["089 1234567"], "emails": [" Anna.Berger@Example.COM "],
                      "handles": [{"network": "Instagram", "handle": "@Anna.B"}]},
       "ownerDealerId": "DE-MUC-001", "country": "DE", "language": "de", "segment": "private"}""";
  private static final String FLEET = """
      {"name": "Fleet GmbH", "identities": {"emails": ["fleet@example.de"]}, "country": "DE",
       "segment": "fleet", "relationship": "direct"}""";

  private RunningEngine engine;

  @BeforeEach
  void start() {
    engine = RunningEngine.start();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void createsAProfileWithNormalisedIdentitiesAndReadsItBack() {
    HttpResponse<String> created = engine.put("/v1/customers/C-1001", ANNA);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonObject anna = new JsonObject(engine.get("/v1/customers/C-1001").body());
    assertThat(anna.getJsonObject("identities").getJsonArray("phones")).containsExactly("+49891234567");
    assertThat(anna.getJsonObject("identities").getJsonArray("emails")).containsExactly("anna.berger@example.com");
    assertThat(anna.getJsonObject("identities").getJsonArray("handles").getJsonObject(0))
        .isEqualTo(new JsonObject().put("network", "instagram").put("handle", "anna.b"));
    assertThat(anna.getString("relationship")).isEqualTo("indirect");
    assertThat(anna.getString("ownerDealerId")).isEqualTo("DE-MUC-001");
    assertThat(engine.put("/v1/customers/C-1001", ANNA).statusCode()).isEqualTo(200);
  }

  @Test
  void looksUpACustomerByPhoneEmailOrHandleHoweverTheyAreWritten() {
    engine.put("/v1/customers/C-1001", ANNA);

    assertThat(id(engine.as("demo-telephony").get("/v1/customers?phone=%2B49891234567"))).isEqualTo("C-1001");
    assertThat(id(engine.as("demo-telephony").get("/v1/customers?phone=089%201234567&country=DE"))).isEqualTo("C-1001");
    assertThat(id(engine.as("demo-adapter").get("/v1/customers?email=ANNA.BERGER%40example.com"))).isEqualTo("C-1001");
    assertThat(id(engine.as("demo-adapter").get("/v1/customers?network=instagram&handle=%40anna.b"))).isEqualTo("C-1001");
    assertProblem(engine.as("demo-telephony").get("/v1/customers?phone=%2B4930999999"), 404);
    assertProblem(engine.as("demo-telephony").get("/v1/customers/C-1001"), 403);
  }

  @Test
  void aLookUpNeedsExactlyOneValidIdentity() {
    assertProblem(engine.get("/v1/customers"), 400);
    assertProblem(engine.get("/v1/customers?phone=%2B49891234567&email=a%40b.de"), 400);
    assertProblem(engine.get("/v1/customers?handle=anna"), 400);
    assertProblem(engine.get("/v1/customers?phone=0891234567"), 400);
  }

  @Test
  void anInvalidIdentityNamesTheFieldAndItsIndex() {
    HttpResponse<String> response = engine.put("/v1/customers/C-1",
        "{\"identities\":{\"phones\":[\"+49891234567\",\"12\"],\"emails\":[\"not-an-address\"]},\"country\":\"DE\"}");

    assertProblem(response, 400);
    JsonArray errors = new JsonObject(response.body()).getJsonArray("errors");
    assertThat(errors.stream().map(e -> ((JsonObject) e).getString("field")).toList())
        .containsExactly("identities.phones[1]", "identities.emails[0]");
    assertThat(new JsonObject(response.body()).getString("detail")).contains("identities.phones[1]");
    assertProblem(engine.get("/v1/customers/C-1"), 404);
  }

  @Test
  void aNationalNumberWithoutACountryIsRefusedSayingHowToWriteIt() {
    HttpResponse<String> response = engine.put("/v1/customers/C-1", "{\"identities\":{\"phones\":[\"089 1234567\"]}}");

    assertProblem(response, 400);
    assertThat(response.body()).contains("identities.phones[0]", "+<country code><number>");
  }

  @Test
  void anUnknownOwnerDealerIsUnprocessable() {
    HttpResponse<String> response = engine.put("/v1/customers/C-1", "{\"ownerDealerId\":\"DE-XXX-999\",\"country\":\"DE\"}");

    assertProblem(response, 422);
    assertThat(response.body()).contains("DE-XXX-999");
  }

  @Test
  void anIdentityOfAnotherCustomerIsAConflictNamingThemAndNothingIsMerged() {
    engine.put("/v1/customers/C-1001", ANNA);

    HttpResponse<String> response = engine.put("/v1/customers/C-2002",
        "{\"identities\":{\"emails\":[\"ben@example.com\",\"anna.berger@example.com\"]},\"country\":\"DE\"}");

    assertProblem(response, 409);
    assertThat(new JsonObject(response.body()).getString("detail")).contains("C-1001", "anna.berger@example.com");
    assertProblem(engine.get("/v1/customers/C-2002"), 404);
    assertProblem(engine.get("/v1/customers?email=ben%40example.com"), 404);
  }

  @Test
  void aDealerReadsOnlyTheCustomersItOwnsByIdAndByIdentity() {
    engine.put("/v1/customers/C-1001", ANNA);
    engine.put("/v1/customers/C-3003", FLEET);

    assertThat(id(engine.as("demo-dealer-de-muc-001").get("/v1/customers/C-1001"))).isEqualTo("C-1001");
    assertThat(id(engine.as("demo-dealer-de-muc-001").get("/v1/customers?phone=%2B49891234567"))).isEqualTo("C-1001");
    HttpResponse<String> other = engine.as("demo-dealer-de-ber-001").get("/v1/customers/C-1001");
    HttpResponse<String> unknown = engine.as("demo-dealer-de-ber-001").get("/v1/customers/C-9999");
    assertProblem(other, 404);
    assertThat(new JsonObject(other.body()).getString("detail").replace("C-1001", "C-9999"))
        .isEqualTo(new JsonObject(unknown.body()).getString("detail"));
    assertProblem(engine.as("demo-dealer-de-ber-001").get("/v1/customers?phone=%2B49891234567"), 404);
    assertProblem(engine.as("demo-dealer-de-muc-001").get("/v1/customers/C-3003"), 404);
    assertProblem(engine.as("demo-dealer-de-muc-001").put("/v1/customers/C-1001", ANNA), 403);
  }

  @Test
  void aCountrySupervisorWritesAndReadsOnlyItsCountrysCustomers() {
    assertThat(engine.as("demo-supervisor-de").put("/v1/customers/C-1001", ANNA).statusCode()).isEqualTo(201);

    assertProblem(engine.as("demo-supervisor-at").get("/v1/customers/C-1001"), 404);
    HttpResponse<String> foreign = engine.as("demo-supervisor-at").put("/v1/customers/C-1001", "{\"country\":\"AT\"}");
    assertProblem(foreign, 403);
    assertThat(foreign.body()).contains("AT");
    assertThat(new JsonObject(engine.get("/v1/customers/C-1001").body()).getString("country")).isEqualTo("DE");
    assertProblem(engine.as("demo-supervisor-at").delete("/v1/customers/C-1001"), 404);
  }

  @Test
  void erasingACustomerRemovesTheProfileAndFreesItsIdentities() {
    engine.put("/v1/customers/C-1001", ANNA);

    HttpResponse<String> erased = engine.delete("/v1/customers/C-1001");

    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
    assertThat(new JsonObject(erased.body()).getBoolean("erased")).isTrue();
    assertProblem(engine.get("/v1/customers/C-1001"), 404);
    assertProblem(engine.get("/v1/customers?email=anna.berger%40example.com"), 404);
    assertProblem(engine.delete("/v1/customers/C-1001"), 404);
    assertThat(engine.put("/v1/customers/C-4004", ANNA).statusCode()).isEqualTo(201);
  }

  @Test
  void erasingACustomerErasesThePersonalDataOfTheirContactsAndIsAudited() {
    engine.put("/v1/customers/C-1001", ANNA);
    String mail = "{\"channel\":\"email\",\"from\":{\"email\":\"anna.berger@example.com\"},\"subject\":\"My car\","
        + "\"references\":{\"vin\":\"WNW12345678901234\"},\"text\":\"Anna Berger here, is my car ready?\"}";
    String first = engine.createContact(mail).getString("id");
    String second = engine.createContact(mail).getString("id");
    String someoneElse = engine.createContact("{\"channel\":\"chat\",\"country\":\"DE\",\"text\":\"Opening hours?\"}")
        .getString("id");
    engine.as("demo-dealer-de-muc-001").post("/v1/queues/dealer:DE-MUC-001/claim", "{\"agent\":\"sepp\"}");

    HttpResponse<String> erased = engine.as("demo-supervisor-de").delete("/v1/customers/C-1001");

    assertThat(new JsonObject(erased.body()).getInteger("contacts")).isEqualTo(2);
    for (String id : new String[] {first, second}) {
      JsonObject contact = new JsonObject(engine.get("/v1/contacts/" + id).body());
      assertThat(contact.getBoolean("erased")).isTrue();
      assertThat(contact.getJsonObject("contact")).isEqualTo(new JsonObject().put("channel", "email").put("erased", true));
      assertThat(contact.encode()).doesNotContain("Anna", "anna", "WNW12345678901234", "C-1001");
      assertThat(contact.getJsonObject("route").getString("queue")).isEqualTo("dealer:DE-MUC-001");
      assertThat(contact.getJsonObject("classification").getString("knowledge")).isEqualTo("SPECIFICATION");
      assertThat(contact.getJsonObject("customer").getString("identification")).isEqualTo("UNIDENTIFIED");
    }
    assertThat(new JsonObject(engine.get("/v1/contacts/" + first).body()).getString("status")).isEqualTo("ASSIGNED");
    assertThat(new JsonObject(engine.get("/v1/contacts/" + someoneElse).body()).containsKey("erased")).isFalse();
    JsonObject audit = new JsonObject(engine.get("/v1/audit?limit=1").body()).getJsonArray("entries").getJsonObject(0);
    assertThat(audit.getString("action")).isEqualTo("erased");
    assertThat(audit.getString("actor")).isEqualTo("demo-supervisor-de");
    assertThat(audit.getString("comment")).contains("C-1001", "2 contacts");
    assertThat(engine.createContact(mail).getJsonObject("customer").getString("identification")).isEqualTo("UNIDENTIFIED");
    assertThat(engine.as("demo-dealer-de-muc-001").post("/v1/contacts/" + first + "/complete", "{}").statusCode())
        .isEqualTo(200);
  }

  private static String id(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body()).getString("id");
  }
}
