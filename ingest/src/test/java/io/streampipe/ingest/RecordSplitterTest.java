package io.streampipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecordSplitterTest {
  private static final ObjectMapper JACKSON = new ObjectMapper();

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void eachElementIsOneRecordWithItsKey() {
    RecordSplitter splitter = new RecordSplitter("/results", "id", 100);

    var split = splitter.split(utf8("{\"results\":[{\"id\":\"a\",\"n\":\"é\"},{\"id\":2}]}"));

    assertThat(split.outcomes()).allMatch(RecordSplitter.Outcome::accepted);
    assertThat(new String(split.outcomes().get(0).value(), StandardCharsets.UTF_8))
        .isEqualTo("{\"id\":\"a\",\"n\":\"é\"}");
    assertThat(new String(split.outcomes().get(1).key(), StandardCharsets.UTF_8)).isEqualTo("2");
  }

  @Test
  void refusalsCarryTheirReasons() {
    RecordSplitter splitter = new RecordSplitter("/results", "/user/id", 30);

    var split =
        splitter.split(
            utf8(
                "{\"results\":[{\"user\":{\"id\":1}},{\"user\":{}},{\"user\":{\"id\":2,\"bio\":\""
                    + "x".repeat(40)
                    + "\"}}]}"));

    assertThat(split.outcomes())
        .extracting(RecordSplitter.Outcome::reason)
        .containsExactly(null, EdgeReason.MISSING_KEY, EdgeReason.TOO_LARGE);
    assertThat(splitter.split(utf8("<html/>")).outcomes().get(0).reason())
        .isEqualTo(EdgeReason.NOT_JSON);
    assertThat(splitter.split(utf8("{\"error\":\"x\"}")).outcomes().get(0).reason())
        .isEqualTo(EdgeReason.NO_RECORDS);
  }

  @Test
  void withoutAPathTheBodyIsSentAsItCame() {
    RecordSplitter splitter = new RecordSplitter("", null, 1000);
    byte[] body = utf8("{ \"spaced\" : true }");

    var split = splitter.split(body);

    assertThat(split.outcomes().get(0).value()).isSameAs(body);
    assertThat(split.outcomes().get(0).key()).isNull();
  }

  @Test
  void elementsAreTheBytesTheApiWroteAndCompositeKeysTheirJson() {
    RecordSplitter splitter = new RecordSplitter("/data/items", "/k", 1000);
    String first = "{ \"k\" : {\"a\": 1}, \"s\": \"x\\\"y\" }";

    var split = splitter.split(utf8("{\"data\":{\"n\":[1,{}],\"items\":[" + first + ", 7]}}"));

    assertThat(new String(split.outcomes().get(0).value(), StandardCharsets.UTF_8))
        .isEqualTo(first);
    assertThat(new String(split.outcomes().get(0).key(), StandardCharsets.UTF_8))
        .isEqualTo("{\"a\": 1}");
    assertThat(split.outcomes().get(1).reason()).isEqualTo(EdgeReason.MISSING_KEY);
    assertThat(new String(split.outcomes().get(1).value(), StandardCharsets.UTF_8)).isEqualTo("7");
    assertThat(splitter.split(utf8("{\"data\":{\"items\":[]}}")).outcomes()).isEmpty();
    assertThat(splitter.split(utf8("{\"data\":{\"items\":[{\"k\":1}]} trailing")).outcomes())
        .extracting(RecordSplitter.Outcome::reason)
        .containsExactly(EdgeReason.NOT_JSON);
  }

  @Test
  void aPagesCursorIsReadInTheSamePassWhereverItStands() {
    RecordSplitter splitter = new RecordSplitter("/results", "id", 1000, "/meta/next");

    var before = splitter.split(utf8("{\"meta\":{\"next\":\"p2\"},\"results\":[{\"id\":1}]}"));
    var after = splitter.split(utf8("{\"results\":[{\"id\":1}],\"meta\":{\"n\":1,\"next\":3}}"));
    var absent = splitter.split(utf8("{\"results\":[{\"id\":1}],\"meta\":{\"next\":null}}"));

    assertThat(before.cursorRead()).isTrue();
    assertThat(before.cursor()).isEqualTo("p2");
    assertThat(before.outcomes()).hasSize(1).allMatch(RecordSplitter.Outcome::accepted);
    assertThat(after.cursor()).isEqualTo("3");
    assertThat(after.outcomes()).hasSize(1);
    assertThat(absent.cursorRead()).isTrue();
    assertThat(absent.cursor()).isNull();
  }

  @Test
  void aCursorInsideTheRecordsIsLeftToTheCursorsOwnRead() {
    RecordSplitter whole = new RecordSplitter("", null, 1000, "/next");
    RecordSplitter inside = new RecordSplitter("/results", null, 1000, "/results/0/id");

    assertThat(whole.split(utf8("{\"next\":\"2\"}")).cursorRead()).isFalse();
    assertThat(inside.split(utf8("{\"results\":[{\"id\":1}]}")).cursorRead()).isFalse();
    assertThat(
            new RecordSplitter("/results", null, 1000).split(utf8("{\"results\":[]}")).cursorRead())
        .isFalse();
  }

  @Test
  void aReusedBufferIsReadUpToItsLengthAndNothingKeepsTheBuffer() {
    RecordSplitter whole = new RecordSplitter("", null, 100);
    byte[] buffer = java.util.Arrays.copyOf(utf8("{\"id\":1}"), 64);
    buffer[8] = (byte) 'x';
    byte[] notJson = java.util.Arrays.copyOf(utf8("<html/>"), 7);

    var record = whole.split(buffer, 8).outcomes().get(0);
    var refused = whole.split(notJson, 7).outcomes().get(0);

    assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":1}");
    assertThat(record.value()).isNotSameAs(buffer);
    assertThat(refused.reason()).isEqualTo(EdgeReason.NOT_JSON);
    assertThat(refused.value()).isNotSameAs(notJson).isEqualTo(notJson);
  }

  @Test
  void recordsKeysAndCursorAreWhatJacksonReadsInTheSameBody() throws IOException {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    RandomJson documents = new RandomJson(random);
    RecordSplitter splitter = new RecordSplitter("/data/results", "id", 1 << 20, "/next");
    for (int page = 0; page < 2_000; page++) {
      List<String> records = new ArrayList<>();
      for (int r = random.nextInt(6); r > 0; r--) {
        records.add(record(documents, random));
      }
      String body =
          "{\"next\":"
              + documents.value(2)
              + ",\"data\":{\"n\":"
              + documents.value(1)
              + ",\"results\":["
              + String.join("," + documents.space(), records)
              + "]}}";
      JsonNode tree = JACKSON.readTree(body);

      var split = splitter.split(utf8(body));

      String trace = "seed " + seed + ", body " + body;
      JsonNode results = tree.at("/data/results");
      assertThat(split.outcomes()).as(trace).hasSize(results.size());
      for (int i = 0; i < results.size(); i++) {
        var outcome = split.outcomes().get(i);
        JsonNode element = results.get(i);
        assertThat(JACKSON.readTree(outcome.value())).as(trace).isEqualTo(element);
        JsonNode id = element.get("id");
        if (id == null || id.isNull()) {
          assertThat(outcome.reason()).as(trace).isEqualTo(EdgeReason.MISSING_KEY);
        } else {
          assertTextOf(outcome.key(), id, trace);
        }
      }
      JsonNode next = tree.get("next");
      if (next.isValueNode() && !next.isNull()) {
        assertTextOf(utf8(split.cursor()), next, trace);
      } else {
        assertThat(split.cursor()).as(trace).isNull();
      }
    }
  }

  /**
   * Whether a key's or cursor's text is the node it came from: a string's text is the string, any
   * other value's is its JSON as written (so {@code -0} stays {@code -0}, not Jackson's {@code 0}).
   */
  private static void assertTextOf(byte[] text, JsonNode node, String trace) throws IOException {
    String value = new String(text, StandardCharsets.UTF_8);
    if (node.isTextual()) {
      assertThat(value).as(trace).isEqualTo(node.asText());
    } else {
      assertThat(JACKSON.readTree(value)).as(trace).isEqualTo(node);
    }
  }

  /** An object with an id (spelt plainly or escaped; any value, or none) among other fields. */
  private static String record(RandomJson documents, Random random) {
    List<String> members = new ArrayList<>();
    for (int f = random.nextInt(4); f > 0; f--) {
      members.add("\"f" + f + "\":" + documents.space() + documents.value(2));
    }
    if (random.nextInt(5) > 0) {
      String name = random.nextBoolean() ? "\"id\"" : "\"\\u0069d\"";
      String value = random.nextBoolean() ? "\"" + random.nextInt(1000) + "\"" : documents.value(3);
      members.add(random.nextInt(members.size() + 1), name + documents.space() + ":" + value);
    }
    return "{" + documents.space() + String.join(",", members) + "}";
  }
}
