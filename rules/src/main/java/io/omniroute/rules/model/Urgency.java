package io.omniroute.rules.model;

/** How urgent a contact is. The higher, the more central the allocation. */
public enum Urgency {
  LOW(10), NORMAL(20), HIGH(30), CRITICAL(40);

  private final int basePriority;

  Urgency(int basePriority) {
    this.basePriority = basePriority;
  }

  /** The queue priority a contact of this urgency starts with; escalation raises it. */
  public int basePriority() {
    return basePriority;
  }
}
