package io.streampipe.ingest;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * The event-stream format of the HTML Living Standard (§9.2.6), which is a dozen lines: fields
 * {@code data}, {@code event}, {@code id} and {@code retry}, comments, and a blank line that ends
 * an event. Written here rather than taken from a library because the maintained SSE clients bring
 * their own HTTP stack (OkHttp, Jersey) while this ingester uses the JDK's.
 */
final class SseParser {
  /** One dispatched event; {@code type} is "message" when the stream names none. */
  record Event(String type, String data, String id) {}

  interface Listener {
    void onEvent(Event event) throws InterruptedException;
  }

  private final BufferedReader reader;
  private String lastEventId;
  private long retryMillis = -1;

  SseParser(BufferedReader reader, String lastEventId) {
    this.reader = reader;
    this.lastEventId = lastEventId;
  }

  /** Reads events until the stream ends; readLine splits on CRLF, LF and CR as the format asks. */
  void read(Listener listener) throws IOException, InterruptedException {
    StringBuilder data = new StringBuilder();
    String type = null;
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isEmpty()) {
        if (data.length() > 0) {
          data.setLength(data.length() - 1);
          listener.onEvent(
              new Event(type == null ? "message" : type, data.toString(), lastEventId));
        }
        data.setLength(0);
        type = null;
        continue;
      }
      if (line.startsWith(":")) {
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      switch (field) {
        case "data" -> data.append(value).append('\n');
        case "event" -> type = value;
        case "id" -> {
          if (value.indexOf('\0') < 0) {
            lastEventId = value;
          }
        }
        case "retry" -> {
          if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
            retryMillis = Long.parseLong(value);
          }
        }
        default -> {}
      }
    }
  }

  /** The id of the last event seen, sent as Last-Event-ID on reconnect. */
  String lastEventId() {
    return lastEventId;
  }

  /** The reconnection time the server asked for, or -1. */
  long retryMillis() {
    return retryMillis;
  }
}
