package io.omniroute.engine.queue.memory;

import io.omniroute.engine.queue.ContactCustomer;
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
 * A contact as the memory store holds it: what is the contact's own packed into two byte arrays,
 * one with what never changes (when it was received, its id, its idempotency key, the payload as
 * received), one with what each transition changes (the deadline, the history), and what contacts
 * share (the decision, the route, the channel, the country, the agent, the status, the customer
 * sector) as references to the one instance of each that {@link ContactRecord} keeps. A stored contact lives for hours, and a
 * young collection copies every contact accepted or changed since the one before: packed, that is
 * this object and its arrays (a claim or an escalation only the small second one), where a {@link
 * ContactRecord} with its strings, instants, lists and history events was about twenty objects
 * (BENCHMARKS.md). {@link #record()} unpacks a new record on every call, so reads pay a little
 * allocation for the pauses they save.
 *
 * <p>Lossless: {@code new PackedContact(r, key).record()} equals {@code r}. Not thread-safe: {@link
 * MemoryQueueStore} reads and changes it under its lock; the records it unpacks are immutable.
 */
class PackedContact {
  private static final int INSTANT = Long.BYTES + Integer.BYTES;
  /** Where the id begins in {@link #fixed}, after the time the contact was received. */
  private static final int ID = INSTANT;
  private static final int ABSENT = -1;

  private byte[] fixed;
  private byte[] changing;
  private Decision decision;
  private Route route;
  private String channel;
  private String country;
  private String agent;
  private ContactStatus status;
  private ContactCustomer customer;

  PackedContact(ContactRecord record, String idempotencyKey) {
    this.fixed = fixed(record, idempotencyKey);
    pack(record);
  }

  /** Replaces the packed state with that of {@code record}, whose request may differ: an erasure. */
  final void rewrite(ContactRecord record) {
    if (!hasId(record.id())) {
      throw new IllegalArgumentException("contact " + record.id() + " is not contact " + id());
    }
    fixed = fixed(record, idempotencyKey());
    pack(record);
  }

  /** The customer the contact came from, or {@code null} when unidentified. */
  final String customerId() {
    return customer.id();
  }

  private static byte[] fixed(ContactRecord record, String idempotencyKey) {
    byte[] id = utf8(record.id());
    byte[] key = idempotencyKey == null ? null : utf8(idempotencyKey);
    byte[] request = utf8(record.request().json());
    byte[] conversation = record.conversationId().equals(record.id()) ? null : utf8(record.conversationId());
    ByteBuffer out = ByteBuffer.allocate(
        ID + 4 * Integer.BYTES + id.length + length(key) + request.length + length(conversation));
    writeInstant(out, record.receivedAt());
    writeBytes(out, id);
    writeBytes(out, key);
    writeBytes(out, request);
    writeBytes(out, conversation);
    return out.array();
  }

  /** Replaces the packed state with that of {@code record}, a later state of the same contact. */
  final void update(ContactRecord record) {
    if (!hasId(record.id())) {
      throw new IllegalArgumentException("contact " + record.id() + " is not contact " + id());
    }
    pack(record);
  }

  /** The contact as a new record. */
  final ContactRecord record() {
    ByteBuffer in = ByteBuffer.wrap(fixed);
    Instant receivedAt = readInstant(in);
    String id = readText(in);
    skipText(in);
    ContactPayload request = ContactPayload.ofJsonText(readText(in));
    String conversationId = readText(in);
    ByteBuffer state = ByteBuffer.wrap(changing);
    Instant deadline = readDeadline(state);
    int events = state.getInt();
    List<HistoryEvent> history = new ArrayList<>(events);
    for (int i = 0; i < events; i++) {
      history.add(new HistoryEvent(readText(state), readInstant(state), readText(state)));
    }
    return new ContactRecord(
        id, receivedAt, request, channel, country, decision, route, deadline, status, agent, history, customer,
        conversationId);
  }

  /** The conversation the contact belongs to. */
  final String conversationId() {
    ByteBuffer in = ByteBuffer.wrap(fixed).position(ID);
    String id = readText(in);
    skipText(in);
    skipText(in);
    String conversation = readText(in);
    return conversation == null ? id : conversation;
  }

  final String agent() {
    return agent;
  }

  final String id() {
    return readText(ByteBuffer.wrap(fixed).position(ID));
  }

  /** The idempotency key the contact was accepted with, or {@code null}. */
  final String idempotencyKey() {
    ByteBuffer in = ByteBuffer.wrap(fixed).position(ID);
    skipText(in);
    return readText(in);
  }

  /** Whether {@code id} is this contact's id; allocates nothing when it is or when it is ASCII. */
  final boolean hasId(String id) {
    return textAt(ID, id);
  }

  /** Whether {@code key} is the idempotency key this contact was accepted with. */
  final boolean hasIdempotencyKey(String key) {
    return textAt(ID + Integer.BYTES + ByteBuffer.wrap(fixed).getInt(ID), key);
  }

  final Route route() {
    return route;
  }

  final ContactStatus status() {
    return status;
  }

  final Instant receivedAt() {
    return readInstant(ByteBuffer.wrap(fixed));
  }

  /** When the first response is due in the current queue, or {@code null}. */
  final Instant deadline() {
    return readDeadline(ByteBuffer.wrap(changing));
  }

  private void pack(ContactRecord record) {
    List<HistoryEvent> history = record.history();
    byte[][] texts = new byte[history.size() * 2][];
    int size = 1 + INSTANT + Integer.BYTES;
    for (int i = 0; i < history.size(); i++) {
      HistoryEvent event = history.get(i);
      texts[2 * i] = utf8(event.type());
      texts[2 * i + 1] = event.detail() == null ? null : utf8(event.detail());
      size += 2 * Integer.BYTES + texts[2 * i].length + length(texts[2 * i + 1]) + INSTANT;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put((byte) (record.deadline() == null ? 0 : 1));
    writeInstant(out, record.deadline() == null ? Instant.EPOCH : record.deadline());
    out.putInt(history.size());
    for (int i = 0; i < history.size(); i++) {
      writeBytes(out, texts[2 * i]);
      writeInstant(out, history.get(i).at());
      writeBytes(out, texts[2 * i + 1]);
    }
    this.changing = out.array();
    this.decision = record.decision();
    this.route = record.route();
    this.channel = record.channel();
    this.country = record.country();
    this.agent = record.agent();
    this.status = record.status();
    this.customer = record.customer();
  }

  private boolean textAt(int position, String text) {
    int length = ByteBuffer.wrap(fixed).getInt(position);
    if (length == ABSENT) {
      return false;
    }
    int start = position + Integer.BYTES;
    if (length == text.length()) {
      int i = 0;
      while (i < length && text.charAt(i) < 0x80 && fixed[start + i] == text.charAt(i)) {
        i++;
      }
      if (i == length) {
        return true;
      }
    }
    return text.equals(new String(fixed, start, length, StandardCharsets.UTF_8));
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

  private static Instant readDeadline(ByteBuffer in) {
    boolean present = in.get() != 0;
    Instant deadline = readInstant(in);
    return present ? deadline : null;
  }
}
