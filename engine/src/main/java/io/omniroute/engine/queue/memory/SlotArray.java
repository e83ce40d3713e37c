package io.omniroute.engine.queue.memory;

import java.util.Arrays;

/**
 * Values at slot numbers handed out in ascending order, held in chunks of {@value #CHUNK_SIZE}.
 * Adding writes the next element of the newest chunk, so the references the store adds between
 * two young collections sit side by side and dirty a handful of old-generation cards, where a hash
 * table dirties one card per entry at a random place (BENCHMARKS.md, "Memory per stored contact"). A chunk whose
 * values have all been removed is dropped, so memory follows the values held, not the slots ever
 * handed out.
 *
 * <p>Not thread-safe: {@link MemoryQueueStore} calls it under its lock. Values must not be {@code
 * null}.
 */
final class SlotArray<T> {
  static final int CHUNK_SIZE = 4096;
  private static final int CHUNK_BITS = Integer.numberOfTrailingZeros(CHUNK_SIZE);

  private static final class Chunk {
    final Object[] values = new Object[CHUNK_SIZE];
    int live;
  }

  private Chunk[] chunks = new Chunk[16];
  private long firstChunk;
  private int chunkCount;
  private long nextSlot;
  private int size;

  /** Stores {@code value} at the next slot and answers that slot. */
  long add(T value) {
    long slot = nextSlot++;
    if ((slot & (CHUNK_SIZE - 1)) == 0) {
      startChunk();
    }
    Chunk chunk = chunks[(int) ((slot >>> CHUNK_BITS) - firstChunk)];
    chunk.values[(int) (slot & (CHUNK_SIZE - 1))] = value;
    chunk.live++;
    size++;
    return slot;
  }

  /** The value at {@code slot}, or {@code null} when it was removed or never handed out. */
  @SuppressWarnings("unchecked")
  T get(long slot) {
    Chunk chunk = chunkOf(slot);
    return chunk == null ? null : (T) chunk.values[(int) (slot & (CHUNK_SIZE - 1))];
  }

  /** Removes the value at {@code slot}; does nothing when there is none. */
  void remove(long slot) {
    Chunk chunk = chunkOf(slot);
    int offset = (int) (slot & (CHUNK_SIZE - 1));
    if (chunk == null || chunk.values[offset] == null) {
      return;
    }
    chunk.values[offset] = null;
    size--;
    if (--chunk.live == 0 && slot >>> CHUNK_BITS != (nextSlot - 1) >>> CHUNK_BITS) {
      dropIfEmpty((int) ((slot >>> CHUNK_BITS) - firstChunk));
    }
  }

  int size() {
    return size;
  }

  /** The number of chunks allocated; for tests of the memory held. */
  int chunksHeld() {
    int held = 0;
    for (int i = 0; i < chunkCount; i++) {
      if (chunks[i] != null) {
        held++;
      }
    }
    return held;
  }

  private void startChunk() {
    dropIfEmpty(chunkCount - 1);
    if (chunkCount == chunks.length) {
      chunks = Arrays.copyOf(chunks, chunks.length * 2);
    }
    chunks[chunkCount++] = new Chunk();
  }

  private Chunk chunkOf(long slot) {
    if (slot < 0 || slot >= nextSlot) {
      return null;
    }
    long index = (slot >>> CHUNK_BITS) - firstChunk;
    return index < 0 ? null : chunks[(int) index];
  }

  /** Drops the chunk at {@code index} when it holds nothing; the newest chunk is kept while slots of it remain to be handed out. */
  private void dropIfEmpty(int index) {
    if (index < 0 || chunks[index] == null || chunks[index].live > 0) {
      return;
    }
    chunks[index] = null;
    dropLeadingEmptyChunks();
  }

  private void dropLeadingEmptyChunks() {
    int leading = 0;
    while (leading < chunkCount - 1 && chunks[leading] == null) {
      leading++;
    }
    if (leading * 2 >= chunkCount) {
      System.arraycopy(chunks, leading, chunks, 0, chunkCount - leading);
      Arrays.fill(chunks, chunkCount - leading, chunkCount, null);
      chunkCount -= leading;
      firstChunk += leading;
    }
  }
}
