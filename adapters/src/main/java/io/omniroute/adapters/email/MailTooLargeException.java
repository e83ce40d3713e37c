package io.omniroute.adapters.email;

/**
 * A raw message larger than the configured limit: it is not read at all. Immutable.
 *
 * @see InboundMail#parse(byte[], long)
 */
public final class MailTooLargeException extends RuntimeException {
  private final long size;
  private final long limit;

  public MailTooLargeException(long size, long limit) {
    super("the message has " + size + " bytes; at most " + limit + " are accepted", null, false, false);
    this.size = size;
    this.limit = limit;
  }

  /** The message's size in bytes. */
  public long size() {
    return size;
  }

  /** The largest size accepted, in bytes. */
  public long limit() {
    return limit;
  }
}
