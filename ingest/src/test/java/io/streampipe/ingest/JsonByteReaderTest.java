package io.streampipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.streampipe.ingest.JsonByteReader.NotJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonByteReaderTest {
  private static final JsonFactory JACKSON = new JsonFactory();
  private static final String MUTATIONS = "{}[]:,\"\\ \t\n\u0001aeEnlrstu0159.-+/";

  @Test
  void agreesWithJacksonOnWhatIsJson() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    RandomJson documents = new RandomJson(random);
    int invalid = 0;
    for (int i = 0; i < 20_000; i++) {
      String document = documents.space() + documents.value(0) + documents.space();
      String input = i % 4 == 0 ? document : mutate(document, random);
      boolean jackson = jacksonReadsOneValue(input);
      assertThat(reads(input)).as("seed %d, input %s", seed, input).isEqualTo(jackson);
      invalid += jackson ? 0 : 1;
    }
    // Both verdicts were exercised, many times over.
    assertThat(invalid).isBetween(3_000, 17_000);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"\\u00\"", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "-", "+1", "1e", "[1 2]", "{\"a\" 1}",
        "{1:2}", "nul", "truex", "[", "\"open", "\"\t\"", "\"\\x\"", "{} {}", "NaN", "// x\n1", ""
      })
  void refusesWhatIsNotJson(String input) {
    assertThat(reads(input)).isFalse();
    assertThat(jacksonReadsOneValue(input)).isFalse();
  }

  @Test
  void refusesBytesThatAreNotUtf8AndAcceptsAllThatAre() {
    byte[][] broken = {
      {'"', (byte) 0xC0, (byte) 0x80, '"'}, // overlong NUL
      {'"', (byte) 0x80, '"'}, // a continuation byte alone
      {'"', (byte) 0xE2, (byte) 0x82, '"'}, // cut short
      {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, // a surrogate
      {'"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'}, // above U+10FFFF
      {'"', (byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80, '"'},
    };
    for (byte[] json : broken) {
      assertThat(reads(json)).as("%s", java.util.Arrays.toString(json)).isFalse();
    }
    String everyPlane = "\"aé€😀\u07FF\uFFFD\uD83D\uDE00\"";
    assertThat(reads(everyPlane.getBytes(StandardCharsets.UTF_8))).isTrue();
  }

  @Test
  void refusesNestingDeeperThanItsLimitWithoutExhaustingTheStack() {
    int depth = JsonByteReader.MAX_DEPTH;
    assertThat(reads("[".repeat(depth) + "]".repeat(depth))).isTrue();
    assertThat(reads("[".repeat(depth + 1) + "]".repeat(depth + 1))).isFalse();
    assertThat(reads("[".repeat(100_000))).isFalse();
  }

  @Test
  void findsTheBytesThatMatterWhereverTheyStandInAString() {
    String[] special = {"\\\"", "\\u00e9", "\u0001", "é", "😀", "\u007f", " ", "~"};
    boolean[] valid = {true, true, false, true, true, true, true, true};
    for (int at = 0; at < 24; at++) {
      for (int s = 0; s < special.length; s++) {
        for (int tail = 0; tail < 10; tail++) {
          String json = "[\"" + "a".repeat(at) + special[s] + "b".repeat(tail) + "\",1]";
          assertThat(reads(json)).as(json).isEqualTo(valid[s]);
          assertThat(jacksonReadsOneValue(json)).as(json).isEqualTo(valid[s]);
        }
      }
      assertThat(reads("\"" + "a".repeat(at))).isFalse();
      assertThat(reads("[\"" + "a".repeat(at) + "\"]" + "x".repeat(at + 1))).isFalse();
    }
  }

  @Test
  void namesWhereTheBodyStoppedBeingJson() {
    byte[] json = "{\"a\":[1,2,}".getBytes(StandardCharsets.UTF_8);
    JsonByteReader reader = new JsonByteReader(json, 0, json.length);

    org.assertj.core.api.Assertions.assertThatThrownBy(reader::skipValue)
        .isInstanceOf(NotJson.class)
        .hasMessage("a value was expected at byte 10");
  }

  @Test
  void decodesEscapedTextAndComparesNamesWithoutDecodingThem() throws NotJson {
    byte[] json =
        "{\"k\\u00e9y\":\"a\\\"b\\u00e9\\ud83d\\ude00\\n\",\"plain\":1}"
            .getBytes(StandardCharsets.UTF_8);
    JsonByteReader reader = new JsonByteReader(json, 0, json.length);

    assertThat(reader.enter((byte) '{')).isTrue();
    var name = reader.name();
    assertThat(reader.textEquals(name, "kéy".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(reader.text(reader.scalar())).isEqualTo("a\"bé😀\n");
    assertThat(reader.next((byte) '}')).isTrue();
    assertThat(reader.textEquals(reader.name(), "plain".getBytes(StandardCharsets.UTF_8))).isTrue();
  }

  private static String mutate(String document, Random random) {
    StringBuilder json = new StringBuilder(document);
    for (int edits = 1 + random.nextInt(2); edits > 0 && json.length() > 0; edits--) {
      int at = random.nextInt(json.length());
      char c = MUTATIONS.charAt(random.nextInt(MUTATIONS.length()));
      switch (random.nextInt(4)) {
        case 0 -> json.deleteCharAt(at);
        case 1 -> json.insert(at, c);
        case 2 -> json.setCharAt(at, c);
        default -> json.setLength(at);
      }
    }
    // Edits never split a surrogate pair: the input stays UTF-8, which Jackson does not check.
    return json.toString().replaceAll("[\\uD800-\\uDFFF]", "x");
  }

  private static boolean reads(String json) {
    return reads(json.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean reads(byte[] json) {
    JsonByteReader reader = new JsonByteReader(json, 0, json.length);
    try {
      reader.skipValue();
      return reader.atEnd();
    } catch (NotJson e) {
      return false;
    }
  }

  /** Jackson's verdict: exactly one value, and nothing but whitespace after it. */
  private static boolean jacksonReadsOneValue(String json) {
    try (JsonParser parser = JACKSON.createParser(json.getBytes(StandardCharsets.UTF_8))) {
      if (parser.nextToken() == null) {
        return false;
      }
      parser.skipChildren();
      return parser.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }
}
