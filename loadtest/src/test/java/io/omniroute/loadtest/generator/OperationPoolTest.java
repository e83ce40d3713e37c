package io.omniroute.loadtest.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.loadtest.scenario.Operation;
import io.omniroute.loadtest.scenario.ScenarioLoader;
import io.omniroute.loadtest.scenario.TrafficGenerator;
import io.omniroute.rules.directory.DirectoryLoader;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OperationPoolTest {

  @Test
  void cyclesThroughThePregeneratedBodiesWithAFreshKeyForEveryContact() {
    TrafficGenerator traffic = new TrafficGenerator(ScenarioLoader.bundledRealistic(), DirectoryLoader.bundledSample(), 7L, "gen");
    OperationPool pool = new OperationPool(traffic, 16, "lane-0");
    Operation[] first = new Operation[16];
    Set<String> keys = new HashSet<>();
    int contacts = 0;
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 16; i++) {
        Operation op = pool.next();
        if (round == 0) {
          first[i] = op;
        } else {
          assertThat(op.body()).isSameAs(first[i].body());
          assertThat(op.path()).isEqualTo(first[i].path());
        }
        if (op.kind() == Operation.Kind.CONTACT) {
          contacts++;
          assertThat(op.idempotencyKey()).startsWith("lane-0-");
          assertThat(keys.add(op.idempotencyKey())).isTrue();
        } else {
          assertThat(op.idempotencyKey()).isNull();
        }
      }
    }
    assertThat(keys).hasSize(contacts).isNotEmpty();
  }
}
