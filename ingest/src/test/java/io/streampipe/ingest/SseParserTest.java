package io.streampipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

  private static List<SseParser.Event> parse(String stream, SseParser parser) throws Exception {
    List<SseParser.Event> events = new ArrayList<>();
    parser.read(events::add);
    return events;
  }

  @Test
  void readsFieldsAcrossLineEndingsAndJoinsDataLines() throws Exception {
    String stream =
        ": hello\r\nevent: user\r\nid: 7\r\ndata: {\"a\":\r\ndata:1}\r\n\r\n"
            + "data: plain\rretry: 2500\r\r"
            + "id\ndata: no id\n\n"
            + "data: unfinished";
    SseParser parser = new SseParser(new BufferedReader(new StringReader(stream)), null);

    List<SseParser.Event> events = parse(stream, parser);

    assertThat(events)
        .containsExactly(
            new SseParser.Event("user", "{\"a\":\n1}", "7"),
            new SseParser.Event("message", "plain", "7"),
            new SseParser.Event("message", "no id", ""));
    assertThat(parser.retryMillis()).isEqualTo(2500);
    assertThat(parser.lastEventId()).isEmpty();
  }

  @Test
  void anEventWithoutDataIsNotDispatched() throws Exception {
    String stream = "event: ping\nid: 3\n\n";
    SseParser parser = new SseParser(new BufferedReader(new StringReader(stream)), "2");

    assertThat(parse(stream, parser)).isEmpty();
    assertThat(parser.lastEventId()).isEqualTo("3");
  }
}
