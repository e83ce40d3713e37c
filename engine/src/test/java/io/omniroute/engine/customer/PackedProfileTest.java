package io.omniroute.engine.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.rules.model.Relationship;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackedProfileTest {
  @Test
  void unpacksEveryFieldAsPacked() {
    CustomerProfile profile = new CustomerProfile("C-ü1", "Zoë Müller", List.of("+49891234567", "+4915112345678"),
        List.of("zoe@example.com"), List.of(new CustomerProfile.Handle("instagram", "zoë.m")), "DE-MUC-001", "DE",
        "de-CH", "fleet", Relationship.INDIRECT);

    byte[] packed = PackedProfile.pack(profile);

    assertThat(PackedProfile.unpack(packed)).isEqualTo(profile);
    assertThat(PackedProfile.hasId(packed, "C-ü1")).isTrue();
    assertThat(PackedProfile.hasId(packed, "C-ü2")).isFalse();
    assertThat(PackedProfile.hasId(packed, "C-")).isFalse();
  }

  @Test
  void keepsAbsentFieldsAbsent() {
    CustomerProfile bare = new CustomerProfile("C-1", null, List.of(), List.of(), List.of(), null, null, null, null,
        Relationship.DIRECT);

    assertThat(PackedProfile.unpack(PackedProfile.pack(bare))).isEqualTo(bare);
  }
}
