package io.omniroute.loadtest.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a {@link Scenario} from YAML. Unknown fields and invalid weights fail with a message that
 * names the file and the field. Stateless and thread-safe.
 */
public final class ScenarioLoader {
  /** The class-path copy of {@code loadtest/scenarios/realistic.yaml}, the default scenario. */
  public static final String BUNDLED_REALISTIC = "io/omniroute/loadtest/scenarios/realistic.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ScenarioLoader() {}

  /** Loads a scenario file. */
  public static Scenario load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read scenario " + file + ": " + e.getMessage(), e);
    }
  }

  /** The scenario shipped with the load generator ({@code scenarios/realistic.yaml}). */
  public static Scenario bundledRealistic() {
    try (InputStream in = ScenarioLoader.class.getClassLoader().getResourceAsStream(BUNDLED_REALISTIC)) {
      if (in == null) {
        throw new IllegalStateException("the bundled scenario " + BUNDLED_REALISTIC + " is not on the class path");
      }
      return parse(in, "bundled " + BUNDLED_REALISTIC);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses scenario YAML; {@code source} names it in error messages. */
  public static Scenario parse(InputStream yaml, String source) {
    try {
      return YAML.readValue(yaml, Scenario.class);
    } catch (UnrecognizedPropertyException e) {
      throw new IllegalArgumentException(source + ": unknown field '" + e.getPropertyName() + "'", e);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalArgumentException(source + ": " + cause.getMessage(), e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }
}
