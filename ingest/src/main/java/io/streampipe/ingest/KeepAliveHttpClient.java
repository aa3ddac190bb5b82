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
  private long timeoutNanos;
  private Request pending;
  private boolean pendingOnReusedConnection;
  private boolean pendingMayRetry;

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
    dispatch(method, uri, headers, content, timeout);
    return receive();
  }

  /**
   * Writes a request and returns before its answer, which {@link #receive} reads: the server works
   * on it while the caller works on the last answer. Connecting and writing take at most {@code
   * timeout}.
   */
  void dispatch(
      String method, URI uri, Map<String, String> headers, byte[] content, Duration timeout)
      throws IOException {
    timeoutNanos = timeout.toNanos();
    deadline = System.nanoTime() + timeoutNanos;
    pending = null;
    write(new Request(method, uri, headers, content), true);
  }

  /**
   * Reads the answer to the request last dispatched, following redirects, all within its timeout
   * counted from now (the caller's work since the dispatch is not the server's time). The body is
   * valid until the next call.
   */
  Response receive() throws IOException {
    if (pending == null) {
      throw new IllegalStateException("no request was dispatched");
    }
    deadline = System.nanoTime() + timeoutNanos;
    for (int hop = 0; ; hop++) {
      Request request = pending;
      Response response = read();
      int status = response.status();
      boolean redirect = (status >= 301 && status <= 303) || status == 307 || status == 308;
      if (!redirect || response.location() == null || hop == MAX_REDIRECTS) {
        return response;
      }
      URI next = request.uri().resolve(response.location());
      if ("https".equalsIgnoreCase(request.uri().getScheme())
          && "http".equalsIgnoreCase(next.getScheme())) {
        return response;
      }
      boolean get =
          status == 303 || ((status == 301 || status == 302) && "POST".equals(request.method()));
      write(
          get
              ? new Request("GET", next, request.headers(), null)
              : new Request(request.method(), next, request.headers(), request.content()),
          true);
    }
  }

  /** One request as written, kept until its answer is read. */
  private record Request(String method, URI uri, Map<String, String> headers, byte[] content) {}

  private void write(Request request, boolean mayRetry) throws IOException {
    boolean reused = connect(request.uri());
    try {
      writeRequest(request.method(), request.uri(), request.headers(), request.content());
    } catch (IOException e) {
      close();
      if (mayRetry && reused && "GET".equals(request.method())) {
        write(request, false);
        return;
      }
      throw e;
    }
    pending = request;
    pendingOnReusedConnection = reused;
    pendingMayRetry = mayRetry;
  }

  private Response read() throws IOException {
    Request request = pending;
    pending = null;
    try {
      Response response = reader.read("HEAD".equals(request.method()));
      if (response.close()) {
        close();
      }
      return response;
    } catch (SocketTimeoutException e) {
      close();
      throw new HttpTimeoutException(
          "no full response from " + request.uri().getHost() + " in time");
    } catch (IOException e) {
      // A kept-alive connection the server closed while idle fails before any answer: a GET
      // is sent again once on a new connection, as the JDK client does.
      boolean retry =
          pendingMayRetry
              && pendingOnReusedConnection
              && !reader.started
              && "GET".equals(request.method());
      close();
      if (retry) {
        write(request, false);
        return read();
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
