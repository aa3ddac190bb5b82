package io.streampipe.ingest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/** Opens the TCP (and, for https and wss, TLS) connection both of our protocol clients read. */
final class Connections {
  private Connections() {}

  /**
   * Connects to the uri's host and port (its scheme's default when absent), with no delay on
   * writes; over TLS with the host name verified when {@code secure}.
   *
   * @param millis how long connecting, and then the TLS handshake, may each take
   */
  static Socket open(URI uri, boolean secure, SSLSocketFactory tls, int millis) throws IOException {
    String host = uri.getHost().replaceAll("^\\[|\\]$", "");
    int port = uri.getPort() != -1 ? uri.getPort() : secure ? 443 : 80;
    Socket raw = new Socket();
    try {
      try {
        raw.connect(new InetSocketAddress(host, port), millis);
      } catch (SocketTimeoutException e) {
        throw new HttpConnectTimeoutException("connecting to " + host + " timed out");
      }
      raw.setTcpNoDelay(true);
      return secure ? handshake(raw, tls, host, port, millis) : raw;
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  private static Socket handshake(
      Socket raw, SSLSocketFactory tls, String host, int port, int millis) throws IOException {
    SSLSocket socket = (SSLSocket) tls.createSocket(raw, host, port, true);
    SSLParameters parameters = socket.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    socket.setSSLParameters(parameters);
    socket.setSoTimeout(millis);
    socket.startHandshake();
    return socket;
  }
}
