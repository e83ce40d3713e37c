package io.omniroute.engine;

import io.omniroute.engine.auth.AccessTokens;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code java -jar omniroute-engine.jar hash-token}: reads a token from standard input (without
 * echo on a terminal) and prints its SHA-256 hex for the {@code sha256} field of a tokens file.
 * The token is not an argument, so it stays out of the shell history and the process list.
 * One instance runs once; not thread-safe.
 */
@Command(
    name = "hash-token",
    mixinStandardHelpOptions = true,
    description = {
        "Reads a token from standard input and prints its SHA-256 hex, the 'sha256' of a tokens file entry.",
        "Example: openssl rand -hex 32 | tee anna.token | java -jar omniroute-engine.jar hash-token"})
final class HashTokenCommand implements Callable<Integer> {
  /** Shorter tokens are accepted with a warning: they can be guessed. */
  static final int RECOMMENDED_MIN_LENGTH = 32;

  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;
  private final Console console;

  HashTokenCommand() {
    this(System.in, System.out, System.err, System.console());
  }

  HashTokenCommand(InputStream in, PrintStream out, PrintStream err, Console console) {
    this.in = in;
    this.out = out;
    this.err = err;
    this.console = console;
  }

  @Override
  public Integer call() throws IOException {
    String token;
    if (console != null) {
      char[] typed = console.readPassword("Token (not shown): ");
      token = typed == null ? "" : new String(typed).strip();
    } else {
      token = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
    if (token.isEmpty()) {
      err.println("hash-token: no token on standard input; e.g. openssl rand -hex 32 | java -jar omniroute-engine.jar"
          + " hash-token");
      return 2;
    }
    if (!AccessTokens.isWellFormed(token)) {
      err.println("hash-token: a token must be 1-" + AccessTokens.MAX_TOKEN_LENGTH + " letters, digits and -._~+/"
          + " on one line (it is sent as 'Authorization: Bearer <token>'); e.g. openssl rand -hex 32");
      return 2;
    }
    if (token.length() < RECOMMENDED_MIN_LENGTH) {
      err.println("hash-token: warning: a token of " + token.length() + " characters can be guessed; use at least "
          + RECOMMENDED_MIN_LENGTH + ", e.g. openssl rand -hex 32");
    }
    out.println(AccessTokens.sha256Hex(token));
    return 0;
  }
}
