package io.omniroute.engine.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The API contract, {@code openapi.yaml} from the class path: its text, served at
 * {@code /openapi.yaml}, and its operations with their compiled request schemas, from which the
 * router is built. Loaded once per engine (tens of milliseconds of CPU: load it off the event
 * loop); immutable and shared by every verticle.
 */
public record ApiContract(String yaml, ContractSchemas schemas) {
  /** Where the contract lives on the class path. */
  public static final String RESOURCE = "openapi.yaml";

  /** Reads and compiles the contract. */
  public static ApiContract load() {
    try (InputStream in = ApiContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new ApiContract(yaml, ContractSchemas.of(yaml));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
