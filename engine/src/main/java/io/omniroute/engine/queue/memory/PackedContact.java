package io.omniroute.engine.queue.memory;

import io.omniroute.engine.queue.ContactPayload;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.ContactStatus;
import io.omniroute.engine.queue.HistoryEvent;
import io.omniroute.rules.Decision;
import io.omniroute.rules.model.Route;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A contact as the memory store holds it: what is the contact's own (its times, id, idempotency
 * key, the payload as received and the history) packed into one byte array, and what contacts
 * share (the decision, the route, the channel, the country, the agent, the status) as references
 * to the one instance of each that {@link ContactRecord} keeps. A stored contact lives for hours,
 * and a young collection copies every contact accepted since the one before: packed, that is this
 * object and its array, where a {@link ContactRecord} with its strings, instants, lists and history
 * events was about twenty objects (BENCHMARKS.md). {@link #record()} unpacks a new record on every
 * call, so reads pay a little allocation for the pauses they save.
 *
 * <p>Lossless: {@code new PackedContact(r, key).record()} equals {@code r}. Not thread-safe: {@link
 * MemoryQueueStore} reads and changes it under its lock; the records it unpacks are immutable.
 */
class PackedContact {
  private static final int RECEIVED_AT = 0;
  private static final int DEADLINE = RECEIVED_AT + Long.BYTES + Integer.BYTES;
  private static final int ID = DEADLINE + 1 + Long.BYTES + Integer.BYTES;
  private static final int ABSENT = -1;

  private Decision decision;
  private Route route;
  private String channel;
  private String country;
  private String agent;
  private ContactStatus status;
  private byte[] bytes;

  PackedContact(ContactRecord record, String idempotencyKey) {
    byte[] id = utf8(record.id());
    byte[] key = idempotencyKey == null ? null : utf8(idempotencyKey);
    byte[] request = utf8(record.request().json());
    ByteBuffer texts = ByteBuffer.allocate(3 * Integer.BYTES + id.length + length(key) + request.length);
    writeBytes(texts, id);
    writeBytes(texts, key);
    writeBytes(texts, request);
    pack(record, texts.array(), 0, texts.capacity());
  }

  /**
   * Replaces the packed record with {@code record}, a later state of the same contact: its id and
   * payload, which no transition changes, are kept as they are packed.
   */
  final void update(ContactRecord record) {
    if (!hasId(record.id())) {
      throw new IllegalArgumentException("contact " + record.id() + " is not contact " + id());
    }
    ByteBuffer in = ByteBuffer.wrap(bytes).position(ID);
    for (int text = 0; text < 3; text++) {
      skipText(in);
    }
    pack(record, bytes, ID, in.position());
  }

  /** The contact as a new record. */
  final ContactRecord record() {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    Instant receivedAt = readInstant(in);
    boolean hasDeadline = in.get() != 0;
    Instant deadline = readInstant(in);
    String id = readText(in);
    skipText(in);
    ContactPayload request = ContactPayload.ofJsonText(readText(in));
    int events = in.getInt();
    List<HistoryEvent> history = new ArrayList<>(events);
    for (int i = 0; i < events; i++) {
      history.add(new HistoryEvent(readText(in), readInstant(in), readText(in)));
    }
    return new ContactRecord(
        id, receivedAt, request, channel, country, decision, route, hasDeadline ? deadline : null, status, agent, history);
  }

  final String id() {
    return readText(ByteBuffer.wrap(bytes).position(ID));
  }

  /** The idempotency key the contact was accepted with, or {@code null}. */
  final String idempotencyKey() {
    ByteBuffer in = ByteBuffer.wrap(bytes).position(ID);
    skipText(in);
    return readText(in);
  }

  /** Whether {@code id} is this contact's id; allocates nothing when it is or when it is ASCII. */
  final boolean hasId(String id) {
    return textAt(ID, id);
  }

  /** Whether {@code key} is the idempotency key this contact was accepted with. */
  final boolean hasIdempotencyKey(String key) {
    return textAt(ID + Integer.BYTES + ByteBuffer.wrap(bytes).getInt(ID), key);
  }

  final Route route() {
    return route;
  }

  final ContactStatus status() {
    return status;
  }

  final Instant receivedAt() {
    return readInstant(ByteBuffer.wrap(bytes).position(RECEIVED_AT));
  }

  /** When the first response is due in the current queue, or {@code null}. */
  final Instant deadline() {
    ByteBuffer in = ByteBuffer.wrap(bytes).position(DEADLINE);
    return in.get() == 0 ? null : readInstant(in);
  }

  /** Packs {@code record}, whose id, idempotency key and payload are {@code texts[from, to)}. */
  private void pack(ContactRecord record, byte[] texts, int from, int to) {
    List<HistoryEvent> history = record.history();
    byte[][] events = new byte[history.size() * 2][];
    int size = ID + to - from + Integer.BYTES;
    for (int i = 0; i < history.size(); i++) {
      HistoryEvent event = history.get(i);
      events[2 * i] = utf8(event.type());
      events[2 * i + 1] = event.detail() == null ? null : utf8(event.detail());
      size += 2 * Integer.BYTES + events[2 * i].length + length(events[2 * i + 1]) + Long.BYTES + Integer.BYTES;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    writeInstant(out, record.receivedAt());
    out.put((byte) (record.deadline() == null ? 0 : 1));
    writeInstant(out, record.deadline() == null ? Instant.EPOCH : record.deadline());
    out.put(texts, from, to - from);
    out.putInt(history.size());
    for (int i = 0; i < history.size(); i++) {
      writeBytes(out, events[2 * i]);
      writeInstant(out, history.get(i).at());
      writeBytes(out, events[2 * i + 1]);
    }
    this.bytes = out.array();
    this.decision = record.decision();
    this.route = record.route();
    this.channel = record.channel();
    this.country = record.country();
    this.agent = record.agent();
    this.status = record.status();
  }

  private boolean textAt(int position, String text) {
    int length = ByteBuffer.wrap(bytes).getInt(position);
    if (length == ABSENT) {
      return false;
    }
    int start = position + Integer.BYTES;
    if (length == text.length()) {
      int i = 0;
      while (i < length && text.charAt(i) < 0x80 && bytes[start + i] == text.charAt(i)) {
        i++;
      }
      if (i == length) {
        return true;
      }
    }
    return text.equals(new String(bytes, start, length, StandardCharsets.UTF_8));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static int length(byte[] text) {
    return text == null ? 0 : text.length;
  }

  private static void writeBytes(ByteBuffer out, byte[] text) {
    if (text == null) {
      out.putInt(ABSENT);
    } else {
      out.putInt(text.length).put(text);
    }
  }

  private static void writeInstant(ByteBuffer out, Instant instant) {
    out.putLong(instant.getEpochSecond()).putInt(instant.getNano());
  }

  private static String readText(ByteBuffer in) {
    int length = in.getInt();
    if (length == ABSENT) {
      return null;
    }
    String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return text;
  }

  private static void skipText(ByteBuffer in) {
    int length = in.getInt();
    in.position(in.position() + Math.max(length, 0));
  }

  private static Instant readInstant(ByteBuffer in) {
    return Instant.ofEpochSecond(in.getLong(), in.getInt());
  }
}
