package io.streampipe.ingest;

import io.streampipe.ingest.HttpResponseReader.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;

/**
 * The polling source's HTTP/1.1 client: one kept-alive connection (to the origin last asked), each
 * request written from one reused buffer, each body read into the reader's reused array, redirects
 * followed as the JDK client's {@code Redirect.NORMAL} does. Not thread-safe: one per source. Why
 * not the JDK {@code HttpClient}: DESIGN.md, "The HTTP polling client".
 */
final class KeepAliveHttpClient implements AutoCloseable {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_REDIRECTS = 5;
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");

  private final SSLSocketFactory tls;
  private final ByteArrayOutputStream request = new ByteArrayOutputStream(1024);
  private Socket socket;
  private String origin;
  private OutputStream out;
  private HttpResponseReader reader;
  private long deadline;

  KeepAliveHttpClient(SSLSocketFactory tls) {
    this.tls = tls;
  }

  /**
   * Sends a request and reads its response within {@code timeout} (connecting, redirects and the
   * whole body included). The response's body is valid until the next call.
   *
   * @param content the request body, or null for none
   */
  Response send(
      String method, URI uri, Map<String, String> headers, byte[] content, Duration timeout)
      throws IOException {
    deadline = System.nanoTime() + timeout.toNanos();
    for (int hop = 0; ; hop++) {
      Response response = exchange(method, uri, headers, content, true);
      int status = response.status();
      boolean redirect = (status >= 301 && status <= 303) || status == 307 || status == 308;
      if (!redirect || response.location() == null || hop == MAX_REDIRECTS) {
        return response;
      }
      URI next = uri.resolve(response.location());
      if ("https".equalsIgnoreCase(uri.getScheme()) && "http".equalsIgnoreCase(next.getScheme())) {
        return response;
      }
      if (status == 303 || ((status == 301 || status == 302) && "POST".equals(method))) {
        method = "GET";
        content = null;
      }
      uri = next;
    }
  }

  private Response exchange(
      String method, URI uri, Map<String, String> headers, byte[] content, boolean mayRetry)
      throws IOException {
    boolean reused = connect(uri);
    try {
      writeRequest(method, uri, headers, content);
      Response response = reader.read("HEAD".equals(method));
      if (response.close()) {
        close();
      }
      return response;
    } catch (SocketTimeoutException e) {
      close();
      throw new HttpTimeoutException("no full response from " + uri.getHost() + " in time");
    } catch (IOException e) {
      // A kept-alive connection the server closed while idle fails before any answer: a GET
      // is sent again once on a new connection, as the JDK client does.
      boolean retry = mayRetry && reused && !reader.started && "GET".equals(method);
      close();
      if (retry) {
        return exchange(method, uri, headers, content, false);
      }
      throw e;
    }
  }

  /** Connects to the uri's origin unless connected to it already; true when reused. */
  private boolean connect(URI uri) throws IOException {
    String key = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority();
    if (socket != null && key.equals(origin)) {
      return true;
    }
    close();
    int connectMillis = (int) Math.min(CONNECT_TIMEOUT.toMillis(), remainingMillis());
    Socket connected = Connections.open(uri, key.startsWith("https:"), tls, connectMillis);
    socket = connected;
    out = connected.getOutputStream();
    reader = new HttpResponseReader(new DeadlineInput(connected));
    origin = key;
    return false;
  }

  private void writeRequest(String method, URI uri, Map<String, String> headers, byte[] content)
      throws IOException {
    request.reset();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    ascii(method + " " + path + query + " HTTP/1.1\r\nHost: " + uri.getRawAuthority() + "\r\n");
    ascii("User-Agent: streampipe-ingest\r\n");
    for (Map.Entry<String, String> header : headers.entrySet()) {
      ascii(RequestHeaders.line(header.getKey(), header.getValue(), RESTRICTED));
    }
    if (content != null) {
      ascii("Content-Length: " + content.length + "\r\n");
    }
    ascii("\r\n");
    if (content != null) {
      request.writeBytes(content);
    }
    request.writeTo(out);
    out.flush();
  }

  private void ascii(String text) {
    request.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private long remainingMillis() throws HttpTimeoutException {
    long millis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    if (millis <= 0) {
      throw new HttpTimeoutException("the request's timeout passed");
    }
    return millis;
  }

  /** The socket's input, each read bounded by what is left of the request's timeout. */
  private final class DeadlineInput extends InputStream {
    private final Socket socket;
    private final InputStream in;

    DeadlineInput(Socket socket) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMillis()));
      return in.read(bytes, offset, length);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing a connection that failed: nothing left to do with it.
      }
    }
    socket = null;
    origin = null;
  }
}
