package io.omniroute.adapters.email;

import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.InputStream;

/**
 * A raw mail's bytes as the shared stream Jakarta Mail parses from, without the locking of {@link
 * java.io.ByteArrayInputStream}: MIME parsing reads, marks, resets and skips a few bytes at a time,
 * and a lock on every call costs more than the parsing itself. Parts read from it share the one
 * array. Not thread-safe: one parse uses it, on one thread.
 */
final class MailBytes extends SharedByteArrayInputStream {
  MailBytes(byte[] bytes) {
    super(bytes);
  }

  private MailBytes(byte[] bytes, int offset, int length) {
    super(bytes, offset, length);
  }

  @Override
  public int read() {
    return pos < count ? buf[pos++] & 0xff : -1;
  }

  @Override
  public int read(byte[] into, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    if (pos >= count) {
      return -1;
    }
    int n = Math.min(length, count - pos);
    System.arraycopy(buf, pos, into, offset, n);
    pos += n;
    return n;
  }

  @Override
  public long skip(long n) {
    long skipped = Math.max(0, Math.min(n, count - pos));
    pos += (int) skipped;
    return skipped;
  }

  @Override
  public int available() {
    return count - pos;
  }

  @Override
  public void mark(int readAheadLimit) {
    mark = pos;
  }

  @Override
  public void reset() {
    pos = mark;
  }

  @Override
  public InputStream newStream(long startAt, long end) {
    if (startAt < 0) {
      throw new IllegalArgumentException("start < 0");
    }
    long stop = end == -1 ? count - start : end;
    return new MailBytes(buf, start + (int) startAt, (int) (stop - startAt));
  }
}
