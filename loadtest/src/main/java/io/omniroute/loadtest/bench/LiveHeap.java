package io.omniroute.loadtest.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** The heap in use after full collections: what the objects still reachable take. Stateless. */
final class LiveHeap {
  private LiveHeap() {}

  /** The smallest used heap seen after each of three full collections, in bytes. */
  static long bytes() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
