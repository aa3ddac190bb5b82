package io.streampipe.ingest;

import java.util.Random;

/** Random JSON documents for tests that hold the byte reader against Jackson. */
final class RandomJson {
  private static final String[] STRINGS = {
    "", "a", "id", "é", "日本", "😀", "tab\\there", "q\\\"uote", "\\u00e9\\ud83d\\ude00", "\\/\\\\"
  };
  private static final String[] NUMBERS = {"0", "-0", "7", "-12", "3.25", "1e9", "2E-3", "-0.5e+2"};
  private static final String[] SPACES = {"", "", "", " ", "\n", "\t", "\r\n  "};

  private final Random random;

  RandomJson(Random random) {
    this.random = random;
  }

  String value(int depth) {
    int kind = random.nextInt(depth >= 5 ? 4 : 6);
    return switch (kind) {
      case 0 -> "\"" + pick(STRINGS) + "\"";
      case 1 -> pick(NUMBERS);
      case 2 -> pick(new String[] {"true", "false", "null"});
      case 3 -> "\"" + pick(STRINGS) + pick(STRINGS) + "\"";
      case 4 -> object(depth, random.nextInt(4));
      default -> array(depth, random.nextInt(4));
    };
  }

  String object(int depth, int members) {
    StringBuilder json = new StringBuilder("{").append(space());
    for (int i = 0; i < members; i++) {
      json.append(i == 0 ? "" : "," + space());
      json.append('"').append(pick(STRINGS)).append('"').append(space()).append(':');
      json.append(space()).append(value(depth + 1)).append(space());
    }
    return json.append('}').toString();
  }

  String array(int depth, int elements) {
    StringBuilder json = new StringBuilder("[").append(space());
    for (int i = 0; i < elements; i++) {
      json.append(i == 0 ? "" : "," + space()).append(value(depth + 1)).append(space());
    }
    return json.append(']').toString();
  }

  String space() {
    return pick(SPACES);
  }

  String pick(String[] choices) {
    return choices[random.nextInt(choices.length)];
  }
}
