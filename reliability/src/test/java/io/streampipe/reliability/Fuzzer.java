package io.streampipe.reliability;

import io.streampipe.job.Events;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Malformed users events made from valid ones, seeded: each event is a fresh id's valid event
 * mutated by one of a dozen kinds of damage, round-robin so every kind is well represented.
 */
final class Fuzzer {
  /** One fuzzed event: the kind of damage, the id it carries and its bytes. */
  record Event(String kind, UUID id, byte[] value) {}

  private record Kind(String name, BiFunction<String, Random, byte[]> damage) {}

  private static final List<Kind> KINDS =
      List.of(
          new Kind(
              "truncated", (json, r) -> utf8(json.substring(0, 1 + r.nextInt(json.length() - 1)))),
          new Kind("wrong type", (json, r) -> utf8(replace(json, "\"age\":36", wrongType(r)))),
          new Kind(
              "int beyond range",
              (json, r) -> utf8(replace(json, "\"age\":36", "\"age\":2147483648"))),
          new Kind(
              "bigint beyond range",
              (json, r) -> utf8(replace(json, "\"visits\":7", "\"visits\":9223372036854775808"))),
          new Kind(
              "double beyond range",
              (json, r) -> utf8(replace(json, "\"score\":2.5", "\"score\":1e400"))),
          new Kind(
              "NaN or Infinity",
              (json, r) ->
                  utf8(
                      replace(
                          json,
                          "\"score\":2.5",
                          "\"score\":" + (r.nextBoolean() ? "NaN" : "-Infinity")))),
          new Kind(
              "deep nesting",
              (json, r) ->
                  utf8(replace(json, "\"unknown\":{", "\"unknown\":" + "[".repeat(2_000) + "{"))),
          new Kind("invalid UTF-8", Fuzzer::invalidUtf8),
          new Kind("duplicate key", (json, r) -> utf8(json.replace("}}", "},\"age\":\"again\"}"))),
          new Kind(
              "null required",
              (json, r) -> utf8(json.replaceFirst("\"email\":\"[^\"]*\"", "\"email\":null"))),
          new Kind("unicode key", (json, r) -> utf8(json.replace("\"email\":", "\"émail\":"))),
          new Kind("trailing garbage", (json, r) -> utf8(json + (r.nextBoolean() ? "x" : "{}"))),
          new Kind(
              "BOM",
              (json, r) -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(json))));

  /** The 2 MiB record: an email that is 2 MiB long and matches nothing. */
  static Event huge(Random random) {
    UUID id = new UUID(random.nextLong(), random.nextLong());
    String json = Events.valid(id, "Huge").replaceFirst("huge@example.org", "x".repeat(2 << 20));
    return new Event("2 MiB record", id, utf8(json));
  }

  static List<Event> corpus(int size, Random random) {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      Kind kind = KINDS.get(i % KINDS.size());
      UUID id = new UUID(random.nextLong(), random.nextLong());
      events.add(
          new Event(kind.name(), id, kind.damage().apply(Events.valid(id, "F" + i), random)));
    }
    return events;
  }

  private static String wrongType(Random random) {
    return List.of("\"age\":\"abc\"", "\"age\":true", "\"age\":{}", "\"age\":[36]", "\"age\":1.5")
        .get(random.nextInt(5));
  }

  private static byte[] invalidUtf8(String json, Random random) {
    byte[][] bad = {
      {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}
    };
    String[] parts = json.split("\"first_name\":\"", 2);
    return concat(
        utf8(parts[0] + "\"first_name\":\""),
        concat(bad[random.nextInt(bad.length)], utf8(parts[1])));
  }

  private static String replace(String json, String what, String with) {
    if (!json.contains(what)) {
      throw new IllegalStateException("the valid event has no " + what);
    }
    return json.replace(what, with);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
