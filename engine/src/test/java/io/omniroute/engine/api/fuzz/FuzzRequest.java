package io.omniroute.engine.api.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request the fuzzer sends: the operation it was derived from, how it was spoiled, and what
 * goes on the wire. {@code body} is {@code null} for none. Immutable.
 */
record FuzzRequest(String operationId, Mutation mutation, String method, String pathAndQuery,
    Map<String, String> headers, byte[] body) {

  @Override
  public String toString() {
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    return operationId + " (" + mutation + "): " + method + " " + pathAndQuery + " " + headers
        + (text.length() > 300 ? " " + text.substring(0, 300) + "... (" + body.length + " bytes)" : " " + text);
  }
}
