package io.omniroute.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omniroute.adapters.email.InboundMail;
import org.junit.jupiter.api.Test;

class EmailParsingBenchmarkTest {
  @Test
  void parsesATypicalMailOfAboutFiftyKilobytesAsTheAdapterDoesInProduction() {
    byte[] mail = EmailParsingBenchmark.typicalMail();
    ObjectNode contact = new EmailParsingBenchmark().toContact();
    InboundMail parsed = new EmailParsingBenchmark().parse();

    assertThat(mail.length).isBetween(45_000, 55_000);
    assertThat(contact.path("dealerId").asText()).isEqualTo("DE-MUC-001");
    assertThat(contact.path("text").asText()).startsWith("Sehr geehrte Damen und Herren").doesNotContain("abholbereit");
    assertThat(contact.path("quotedText").asText()).contains("> Ihr Fahrzeug ist am Freitag ab 14 Uhr abholbereit.");
    assertThat(contact.path("signature").asText()).startsWith("Anna Müller");
    assertThat(parsed.attachments()).singleElement().satisfies(a -> assertThat(a.size()).isEqualTo(20 * 1024));
    assertThat(parsed.threadKey()).isEqualTo("20240312081402.4711@mail.example.de");
  }
}
