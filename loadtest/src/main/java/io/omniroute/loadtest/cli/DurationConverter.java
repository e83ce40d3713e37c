package io.omniroute.loadtest.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses durations as people write them on a command line: {@code 20us}, {@code 500ms},
 * {@code 30s}, {@code 2m}, {@code 1h}, {@code 1.5s}; a bare number means seconds. Stateless and thread-safe.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|ms|s|m|h)?");

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  /** Parses one duration; throws {@link TypeConversionException} with the accepted forms otherwise. */
  public static Duration parse(String value) {
    Matcher m = FORMAT.matcher(value == null ? "" : value.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new TypeConversionException(
          "'" + value + "' is not a duration: use a number with us, ms, s, m or h, e.g. 20us, 500ms, 30s, 2m");
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double nanosPerUnit = switch (unit) {
      case "us" -> 1e3;
      case "ms" -> 1e6;
      case "s" -> 1e9;
      case "m" -> 60e9;
      case "h" -> 3600e9;
      default -> throw new IllegalStateException(unit);
    };
    return Duration.ofNanos(Math.round(amount * nanosPerUnit));
  }

  /** Formats a duration the way {@link #parse} reads it back, e.g. {@code 1.5s}, {@code 500ms} or {@code 20us}. */
  public static String format(Duration duration) {
    if (!duration.isZero() && duration.compareTo(Duration.ofMillis(1)) < 0) {
      return duration.toNanos() / 1000 + "us";
    }
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + "ms";
    }
    double seconds = duration.toNanos() / 1e9;
    return seconds == Math.rint(seconds) ? ((long) seconds) + "s" : String.format(Locale.ROOT, "%.3fs", seconds);
  }
}
