package io.omniroute.engine.channel.email;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a mail server password comes from: an environment variable or a file (a container
 * secret), read when the engine starts, never from the config file itself. Immutable; {@link
 * #toString()} never shows a value.
 */
public final class Secret {
  private final String description;
  private final java.util.function.Supplier<String> value;

  private Secret(String description, java.util.function.Supplier<String> value) {
    this.description = description;
    this.value = value;
  }

  /** The value of the environment variable {@code name}. */
  public static Secret fromEnvironment(String name) {
    Objects.requireNonNull(name, "name");
    return new Secret("the environment variable " + name, () -> System.getenv(name));
  }

  /** The content of {@code file}, without a trailing line break. */
  public static Secret fromFile(Path file) {
    Objects.requireNonNull(file, "file");
    return new Secret("the file " + file, () -> {
      try {
        return Files.readString(file, StandardCharsets.UTF_8).stripTrailing();
      } catch (IOException e) {
        return null;
      }
    });
  }

  /** A value given directly (tests, embedding). */
  public static Secret of(String value) {
    return new Secret("a given value", () -> value);
  }

  /**
   * The value.
   *
   * @throws IllegalStateException naming the source when it gives no value
   */
  public String read() {
    String read = value.get();
    if (read == null || read.isEmpty()) {
      throw new IllegalStateException(description + " gives no password: set it, or configure passwordEnv or passwordFile");
    }
    return read;
  }

  @Override
  public String toString() {
    return "Secret(" + description + ")";
  }
}
