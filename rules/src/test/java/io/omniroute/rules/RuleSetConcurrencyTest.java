package io.omniroute.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.rules.directory.ContactResolver;
import io.omniroute.rules.directory.Directory;
import io.omniroute.rules.directory.DirectoryLoader;
import io.omniroute.rules.model.Channel;
import io.omniroute.rules.model.Contact;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One compiled rule set shared by many threads decides exactly as one thread does. */
class RuleSetConcurrencyTest {
  private static final int THREADS = 8;
  private static final int DECISIONS_PER_THREAD = 3_000;

  private static RuleSet rules;
  private static Directory directory;
  private static List<Contact> contacts;
  private static final ServiceLevels SERVICE_LEVELS = ServiceLevels.defaults();

  @BeforeAll
  static void compileAndResolve() {
    rules = RuleSet.defaultPolicy();
    directory = DirectoryLoader.bundledSample();
    ContactResolver resolver = new ContactResolver(directory);
    contacts = variedContacts().stream().map(Contact.Builder::build).map(resolver::resolve).toList();
  }

  private static List<Contact.Builder> variedContacts() {
    return List.of(
        Contact.builder(Channel.EMAIL).text("What are your opening hours?").country("DE"),
        Contact.builder(Channel.EMAIL).text("Wie sind Ihre Öffnungszeiten?").dealerId("AT-VIE-001"),
        Contact.builder(Channel.VOICE).text("I had an accident").phone("+498912345678"),
        Contact.builder(Channel.VOICE).text("Wir sind liegengeblieben").phone("+4315880000").dealerId("AT-GRZ-001"),
        Contact.builder(Channel.CHAT).text("Is my car ready?").dealerId("DE-MUC-001"),
        Contact.builder(Channel.CHAT).text("Ist mein Auto fertig?").dealerId("DE-MUC-001").ownerDealerId("DE-BER-001"),
        Contact.builder(Channel.EMAIL).text("I want to cancel my contract").dealerId("GB-LON-001"),
        Contact.builder(Channel.EMAIL).text("Ich möchte meinen Vertrag kündigen").ownerDealerId("CH-ZRH-001"),
        Contact.builder(Channel.SOCIAL).text("Thank you for the great service").country("FR").publicPost(true),
        Contact.builder(Channel.VOICE).text("Thank you").country("GB"),
        Contact.builder(Channel.EMAIL).text("The battery does not charge").country("DE"),
        Contact.builder(Channel.EMAIL).text("The battery does not charge").country("GB"),
        Contact.builder(Channel.CHAT).text("Der Akku lädt nicht an der Ladestation").country("CH"),
        Contact.builder(Channel.EMAIL).text("Do you restore classic models?").country("FR"),
        Contact.builder(Channel.EMAIL).text("Angebot für unseren Fuhrpark").country("DE"),
        Contact.builder(Channel.EMAIL).text("Angebot für unseren Fuhrpark").country("AT"),
        Contact.builder(Channel.SMS).text("Bitte dringend zurückrufen").reference("orderId", "O-77").country("DE"),
        Contact.builder(Channel.VOICE).text("What are your opening hours?").phone("+12125550100"),
        Contact.builder(Channel.EMAIL).subject("Newsletter").text("Please unsubscribe me").country("CH"),
        Contact.builder(Channel.EMAIL).text("Question").reference("vin", "WNW123").dealerId("XX-UNKNOWN"),
        Contact.builder(Channel.SOCIAL).text("Smoke is coming out of my car").dealerId("FR-PAR-001"));
  }

  @Test
  void decidesTheSameOnManyThreadsAsOnOne() throws Exception {
    List<Decision> sequential = new ArrayList<>();
    for (Contact contact : contacts) {
      sequential.add(rules.decide(contact, directory, SERVICE_LEVELS));
    }
    assertThat(sequential).extracting(Decision::fallback).containsOnly(false);
    assertThat(sequential.stream().map(d -> d.route().queue()).distinct().count())
        .as("the contacts go to many different queues")
        .isGreaterThanOrEqualTo(8);

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<String>>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int offset = t;
        Callable<List<String>> worker = () -> {
          start.await();
          List<String> mismatches = new ArrayList<>();
          for (int i = 0; i < DECISIONS_PER_THREAD; i++) {
            int index = (i + offset * 7) % contacts.size();
            Decision decision = rules.decide(contacts.get(index), directory, SERVICE_LEVELS);
            if (!decision.equals(sequential.get(index))) {
              mismatches.add("contact " + index + ": " + decision + " instead of " + sequential.get(index));
            }
          }
          return mismatches;
        };
        workers.add(pool.submit(worker));
      }
      start.countDown();

      List<String> mismatches = new ArrayList<>();
      for (Future<List<String>> worker : workers) {
        mismatches.addAll(worker.get());
      }
      assertThat(mismatches).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }
}
