package io.omniroute.loadtest.support;

import io.omniroute.loadtest.generator.RunSettings;
import io.omniroute.loadtest.generator.Target;
import io.omniroute.loadtest.scenario.Scenario;
import io.omniroute.loadtest.scenario.ScenarioLoader;
import io.omniroute.rules.directory.DirectoryLoader;
import java.time.Duration;

/** Run settings for tests: the bundled scenario and sample directory, no warm-up. */
public final class Runs {
  private Runs() {}

  public static RunSettings open(String url, double rate, Duration duration, int connections, double claimShare) {
    return settings(url, RunSettings.Mode.OPEN, rate, duration, connections, claimShare, 10_000);
  }

  public static RunSettings settings(
      String url, RunSettings.Mode mode, double rate, Duration duration, int connections, double claimShare, int maxInFlight) {
    Scenario scenario = ScenarioLoader.bundledRealistic().withClaimShare(claimShare);
    return new RunSettings(Target.parse(url), mode, rate, duration, Duration.ZERO, connections, 1, maxInFlight,
        Duration.ofSeconds(10), scenario, DirectoryLoader.bundledSample(), 42L,
        RunSettings.DEFAULT_TOKEN);
  }
}
