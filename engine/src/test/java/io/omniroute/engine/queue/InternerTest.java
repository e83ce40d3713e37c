package io.omniroute.engine.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InternerTest {

  @Test
  void answersTheFirstInstanceForEqualValues() {
    Interner<String> interner = new Interner<>(10);
    String first = new String("dealer:DE-MUC-001");

    assertThat(interner.intern(first)).isSameAs(first);
    assertThat(interner.intern(new String("dealer:DE-MUC-001"))).isSameAs(first);
    assertThat(interner.intern(new String("country:DE"))).isNotSameAs(first).isEqualTo("country:DE");
  }

  @Test
  void startsOverWhenFullSoValuesThatStopRecurringAreForgotten() {
    Interner<String> interner = new Interner<>(2);
    String first = new String("a");
    interner.intern(first);
    interner.intern(new String("b"));

    String c = new String("c");
    assertThat(interner.intern(c)).isSameAs(c);
    assertThat(interner.size()).isEqualTo(1);
    String secondA = new String("a");
    assertThat(interner.intern(secondA)).isSameAs(secondA).isNotSameAs(first);
  }

  @Test
  void refusesACapacityBelowOne() {
    assertThatThrownBy(() -> new Interner<String>(0)).hasMessageContaining("capacity must be at least 1, got 0");
  }
}
