package io.omniroute.engine.customer;

import io.omniroute.rules.model.Relationship;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer profile as one byte array: every field as UTF-8 with a two-byte length (absent
 * fields as {@value #ABSENT}), lists with a one-byte count, the relationship as one byte. The
 * memory store keeps profiles this way, so that a million profiles are a million small arrays
 * rather than tens of millions of strings, lists and records. Lossless: {@code
 * unpack(pack(p)).equals(p)}. Stateless and thread-safe.
 */
final class PackedProfile {
  private static final int ABSENT = 0xFFFF;

  private PackedProfile() {}

  static byte[] pack(CustomerProfile profile) {
    List<byte[]> texts = new ArrayList<>();
    texts.add(utf8(profile.id()));
    texts.add(utf8(profile.name()));
    profile.phones().forEach(phone -> texts.add(utf8(phone)));
    profile.emails().forEach(email -> texts.add(utf8(email)));
    profile.handles().forEach(handle -> {
      texts.add(utf8(handle.network()));
      texts.add(utf8(handle.handle()));
    });
    texts.add(utf8(profile.ownerDealerId()));
    texts.add(utf8(profile.country()));
    texts.add(utf8(profile.language()));
    texts.add(utf8(profile.segment()));
    int size = 4;
    for (byte[] text : texts) {
      size += 2 + (text == null ? 0 : text.length);
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put((byte) profile.relationship().ordinal());
    out.put((byte) profile.phones().size()).put((byte) profile.emails().size()).put((byte) profile.handles().size());
    for (byte[] text : texts) {
      if (text == null) {
        out.putShort((short) ABSENT);
      } else {
        out.putShort((short) text.length).put(text);
      }
    }
    return out.array();
  }

  static CustomerProfile unpack(byte[] packed) {
    ByteBuffer in = ByteBuffer.wrap(packed);
    Relationship relationship = Relationship.values()[in.get()];
    int phones = in.get();
    int emails = in.get();
    int handles = in.get();
    String id = text(in);
    String name = text(in);
    List<String> phoneList = new ArrayList<>(phones);
    for (int i = 0; i < phones; i++) {
      phoneList.add(text(in));
    }
    List<String> emailList = new ArrayList<>(emails);
    for (int i = 0; i < emails; i++) {
      emailList.add(text(in));
    }
    List<CustomerProfile.Handle> handleList = new ArrayList<>(handles);
    for (int i = 0; i < handles; i++) {
      handleList.add(new CustomerProfile.Handle(text(in), text(in)));
    }
    return new CustomerProfile(id, name, phoneList, emailList, handleList, text(in), text(in), text(in), text(in),
        relationship);
  }

  /** Whether the packed profile has this id, without unpacking the rest. */
  static boolean hasId(byte[] packed, String id) {
    int length = ((packed[4] & 0xFF) << 8) | (packed[5] & 0xFF);
    return length == utf8Length(id) && id.equals(new String(packed, 6, length, StandardCharsets.UTF_8));
  }

  private static int utf8Length(String text) {
    int length = text.length();
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return text.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    return length;
  }

  private static byte[] utf8(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(ByteBuffer in) {
    int length = in.getShort() & 0xFFFF;
    if (length == ABSENT) {
      return null;
    }
    String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return text;
  }
}
