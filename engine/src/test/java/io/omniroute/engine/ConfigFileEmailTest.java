package io.omniroute.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omniroute.engine.channel.email.EmailOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileEmailTest {
  @TempDir Path dir;

  private EngineOptions apply(String yaml) throws IOException {
    Path file = dir.resolve("omniroute.yaml");
    Files.writeString(file, "channels:\n" + yaml.indent(2));
    return ConfigFile.apply(file, EngineOptions.defaults());
  }

  @Test
  void theEmailChannelIsOnWithTenMebibytesAndNoMailServersByDefault() {
    EmailOptions email = EngineOptions.defaults().email();

    assertThat(email.enabled()).isTrue();
    assertThat(email.maxMessageBytes()).isEqualTo(10L * 1024 * 1024);
    assertThat(email.imap()).isNull();
    assertThat(email.smtp()).isNull();
  }

  @Test
  void readsTheMailboxAndTheSmtpServerWithPasswordsFromTheEnvironmentOrAFile() throws IOException {
    Files.writeString(dir.resolve("smtp-password"), "s3cret\n");
    EmailOptions email = apply("""
        email:
          maxMessageBytes: 2097152
          imap: {host: imap.example.com, user: service@example.com, folder: Support, intervalSeconds: 10}
          smtp: {host: smtp.example.com, security: tls, user: service@example.com, passwordFile: smtp-password, from: service@example.com}
        """).email();

    assertThat(email.maxMessageBytes()).isEqualTo(2 * 1024 * 1024);
    assertThat(email.imap().effectivePort()).isEqualTo(993);
    assertThat(email.imap().folder()).isEqualTo("Support");
    assertThat(email.imap().interval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(email.imap().password().toString()).contains("OMNIROUTE_IMAP_PASSWORD");
    assertThat(email.smtp().effectivePort()).isEqualTo(465);
    assertThat(email.smtp().password().read()).isEqualTo("s3cret");
  }

  @Test
  void turnsTheChannelOff() throws IOException {
    assertThat(apply("email: {enabled: false}\n").email().enabled()).isFalse();
  }

  @Test
  void rejectsAPasswordInTheFileItself() throws IOException {
    assertThatThrownBy(() -> apply("email:\n  imap: {host: h, user: u, password: hunter2}\n"))
        .hasMessageContaining("unknown key 'password'");
  }

  @Test
  void rejectsAnUnknownSecurity() throws IOException {
    assertThatThrownBy(() -> apply("email:\n  smtp: {host: h, from: a@b.example, security: ssl}\n"))
        .hasMessageContaining("channels.email.smtp.security").hasMessageContaining("tls, starttls or none");
  }
}
