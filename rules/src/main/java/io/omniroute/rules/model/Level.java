package io.omniroute.rules.model;

/** Where a contact is answered, from the most central to the nearest to the customer. */
public enum Level {
  CENTRAL, COUNTRY, EXPERT, DEALER
}
