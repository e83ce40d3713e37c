package io.omniroute.loadtest.generator;

import java.net.URI;

/**
 * Where the load goes: host, port and a base path that request paths are appended to. Parsed from
 * {@code --url http://host:port[/base]}; only plain HTTP/1.1. Immutable.
 *
 * @param host the server host
 * @param port the server port
 * @param basePath a prefix without trailing slash, usually empty
 */
public record Target(String host, int port, String basePath) {

  /** Parses {@code http://host:port[/base]}; the port defaults to 80. */
  public static Target parse(String url) {
    URI uri;
    try {
      uri = URI.create(url.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + url + "' is not a URL: use http://HOST:PORT", e);
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("'" + url + "' is not an http URL: use http://HOST:PORT (no TLS)");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return new Target(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort(), path);
  }

  /** The request URI for a path such as {@code /v1/contacts}. */
  public String uri(String path) {
    return basePath + path;
  }

  @Override
  public String toString() {
    return "http://" + host + ":" + port + basePath;
  }
}
