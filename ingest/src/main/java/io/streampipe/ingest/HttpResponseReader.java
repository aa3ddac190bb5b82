package io.streampipe.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads HTTP/1.1 responses from one connection's stream: the status line, the few headers the
 * polling source uses, and the body (Content-Length, chunked, or up to the end of the stream) into
 * one array reused from response to response, grown when a body needs more.
 */
final class HttpResponseReader {
  /** One response; {@code body} is the reader's array, valid until the next response is read. */
  record Response(
      int status, String retryAfter, String location, byte[] body, int length, boolean close) {}

  private final InputStream in;
  private final byte[] buffer = new byte[16 * 1024];
  private int position;
  private int limit;
  private byte[] body = new byte[64 * 1024];
  private final StringBuilder line = new StringBuilder(128);

  /** True once a byte of the current response arrived: a request must not then be retried. */
  boolean started;

  HttpResponseReader(InputStream in) {
    this.in = in;
  }

  /**
   * @param bodiless true for a response to HEAD, which has headers but never a body
   */
  Response read(boolean bodiless) throws IOException {
    started = false;
    int status;
    Headers headers;
    do {
      String statusLine = readLine();
      if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
        throw new ProtocolException("not an HTTP/1.x status line: " + statusLine);
      }
      status = parseStatus(statusLine);
      headers = readHeaders(statusLine.startsWith("HTTP/1.0"));
      // An interim 1xx answer (100 Continue, 103 Early Hints) is followed by the real one.
    } while (status >= 100 && status < 200);
    int length;
    boolean close = headers.close;
    if (bodiless || status == 204 || status == 304) {
      length = 0;
    } else if (headers.chunked) {
      length = readChunked();
    } else if (headers.contentLength >= 0) {
      length = readFixed(headers.contentLength);
    } else {
      length = readToEnd();
      close = true;
    }
    return new Response(status, headers.retryAfter, headers.location, body, length, close);
  }

  private static int parseStatus(String statusLine) throws ProtocolException {
    try {
      return Integer.parseInt(statusLine.substring(9, 12));
    } catch (NumberFormatException e) {
      throw new ProtocolException("no status code in: " + statusLine);
    }
  }

  private static final class Headers {
    long contentLength = -1;
    boolean chunked;
    boolean close;
    String retryAfter;
    String location;
  }

  private Headers readHeaders(boolean http10) throws IOException {
    Headers headers = new Headers();
    headers.close = http10;
    for (String header = readLine(); !header.isEmpty(); header = readLine()) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new ProtocolException("a malformed header: " + header);
      }
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> headers.contentLength = Long.parseLong(value);
        case "transfer-encoding" ->
            headers.chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
        case "connection" -> {
          String token = value.toLowerCase(Locale.ROOT);
          headers.close = token.contains("close") || (http10 && !token.contains("keep-alive"));
        }
        case "retry-after" -> headers.retryAfter = value;
        case "location" -> headers.location = value;
        default -> {}
      }
    }
    return headers;
  }

  private int readFixed(long contentLength) throws IOException {
    if (contentLength > Integer.MAX_VALUE - 8) {
      throw new ProtocolException("a body of " + contentLength + " bytes is too large");
    }
    ensure((int) contentLength);
    readFully(0, (int) contentLength);
    return (int) contentLength;
  }

  private int readChunked() throws IOException {
    int length = 0;
    while (true) {
      String sizeLine = readLine();
      int extension = sizeLine.indexOf(';');
      String hex = (extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim();
      int size;
      try {
        size = Integer.parseInt(hex, 16);
      } catch (NumberFormatException e) {
        throw new ProtocolException("a malformed chunk size: " + sizeLine);
      }
      if (size == 0) {
        // Trailers, if any, up to the empty line that ends the body.
        while (!readLine().isEmpty()) {}
        return length;
      }
      ensure(length + size);
      readFully(length, size);
      length += size;
      if (!readLine().isEmpty()) {
        throw new ProtocolException("a chunk not followed by CRLF");
      }
    }
  }

  private int readToEnd() throws IOException {
    int length = 0;
    while (true) {
      ensure(length + buffer.length);
      int read = read(length, body.length - length);
      if (read < 0) {
        return length;
      }
      length += read;
    }
  }

  private void ensure(int capacity) {
    if (capacity > body.length) {
      body = Arrays.copyOf(body, Math.max(capacity, body.length * 2));
    }
  }

  private void readFully(int offset, int count) throws IOException {
    for (int done = 0; done < count; ) {
      int read = read(offset + done, count - done);
      if (read < 0) {
        throw new EOFException("the connection closed " + (count - done) + " bytes short");
      }
      done += read;
    }
  }

  /** Reads into the body: what the line buffer holds first, then straight from the socket. */
  private int read(int offset, int count) throws IOException {
    if (position < limit) {
      int n = Math.min(count, limit - position);
      System.arraycopy(buffer, position, body, offset, n);
      position += n;
      return n;
    }
    return in.read(body, offset, count);
  }

  /** One header line in ISO-8859-1, without its CRLF (a bare LF is accepted too). */
  private String readLine() throws IOException {
    line.setLength(0);
    while (true) {
      if (position == limit) {
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit < 0) {
          limit = 0;
          throw new EOFException("the connection closed before the response ended");
        }
        started = true;
      }
      int b = buffer[position++] & 0xff;
      if (b == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      if (line.length() > 64 * 1024) {
        throw new ProtocolException("a header line longer than 64 KiB");
      }
      line.append((char) b);
    }
  }
}
