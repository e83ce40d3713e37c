package io.omniroute.rules.model;

/** The kind of knowledge a contact needs (DESIGN.md section 1). */
public enum Knowledge {
  /** General knowledge about a kind of thing: can be answered centrally. */
  SCHEME,
  /** Knowledge about one concrete thing: belongs near the customer. */
  SPECIFICATION
}
