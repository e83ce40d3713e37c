package io.omniroute.engine.api.fuzz;

/** How a request derived from the contract is spoiled, or {@link #NONE} for a valid one. */
enum Mutation {
  NONE,
  DROP_REQUIRED_FIELD,
  UNKNOWN_FIELD,
  WRONG_TYPE,
  EXTREME_NUMBER,
  LONG_STRING,
  ODD_CHARACTERS,
  DUPLICATE_KEY,
  MALFORMED_JSON,
  WRONG_MEDIA_TYPE,
  CONTENT_ENCODING,
  OVERSIZED_BODY,
  ODD_PARAMETER,
  NO_TOKEN,
  OTHER_TOKEN,
  WRONG_METHOD
}
