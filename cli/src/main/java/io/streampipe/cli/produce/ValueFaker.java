package io.streampipe.cli.produce;

import io.streampipe.api.FieldType;
import io.streampipe.api.v1alpha1.FieldRules;
import io.streampipe.api.v1alpha1.FieldSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Makes plausible values for a declared field that pass its rules. */
final class ValueFaker {
  private static final List<String> FIRST =
      List.of("Ada", "Grace", "Alan", "Linus", "Barbara", "Ken", "Margaret", "Dennis");
  private static final List<String> LAST =
      List.of(
          "Lovelace", "Hopper", "Turing", "Torvalds", "Liskov", "Thompson", "Hamilton", "Ritchie");
  private static final List<String> STREETS =
      List.of("Main St", "High St", "Park Ave", "Elm Rd", "Station Rd");

  /** Text candidates tried in order against a pattern; the first that matches is used. */
  private static final List<Function<SplittableRandom, String>> TEXT_SHAPES =
      List.of(
          r -> word(r),
          r -> (word(r) + "." + word(r) + "@example.com").toLowerCase(Locale.ROOT),
          r -> String.valueOf(r.nextInt(10_000, 99_999)),
          r -> word(r) + r.nextInt(100),
          r -> "+1-555-" + r.nextInt(1000, 9999));

  private final FieldSpec field;
  private final FieldType type;
  private final Pattern pattern;

  ValueFaker(FieldSpec field) {
    this.field = field;
    this.type = FieldType.require(field.getType());
    FieldRules rules = field.getRules();
    this.pattern =
        rules == null || rules.getPattern() == null ? null : Pattern.compile(rules.getPattern());
  }

  /** A JSON literal for the field: quoted for text-like types, bare for numbers and booleans. */
  String validLiteral(SplittableRandom random) {
    FieldRules rules = field.getRules();
    if (rules != null && rules.getAllowedValues() != null && !rules.getAllowedValues().isEmpty()) {
      String choice = rules.getAllowedValues().get(random.nextInt(rules.getAllowedValues().size()));
      return type.isNumeric() || type == FieldType.BOOLEAN ? choice : Json.quote(choice);
    }
    return switch (type) {
      case UUID -> Json.quote(randomUuid(random).toString());
      case INT, BIGINT -> String.valueOf((long) Math.floor(number(random)));
      case DOUBLE -> String.valueOf(number(random));
      case BOOLEAN -> String.valueOf(random.nextBoolean());
      case TIMESTAMP ->
          Json.quote(
              Instant.ofEpochSecond(1_600_000_000L + random.nextLong(200_000_000L)).toString());
      case DATE -> Json.quote(LocalDate.ofEpochDay(random.nextLong(0, 20_000)).toString());
      case TEXT -> Json.quote(text(random));
    };
  }

  /** A value this field's type refuses. */
  String wrongTypeLiteral() {
    return type == FieldType.TEXT ? "{\"not\":\"text\"}" : Json.quote("not-a-" + type.cqlType());
  }

  /** A value of the right type that breaks the field's rules, or null when it has none. */
  String ruleBreakingLiteral() {
    FieldRules rules = field.getRules();
    if (rules == null) {
      return null;
    }
    if (rules.getAllowedValues() != null && !rules.getAllowedValues().isEmpty()) {
      return type.isNumeric() ? "-987654321" : Json.quote("none-of-the-allowed-values");
    }
    if (rules.getMax() != null && type.isNumeric()) {
      return String.valueOf((long) Math.ceil(rules.getMax()) + 1);
    }
    if (rules.getMin() != null && type.isNumeric()) {
      return String.valueOf((long) Math.floor(rules.getMin()) - 1);
    }
    if (pattern != null && !pattern.matcher("").matches()) {
      return Json.quote("");
    }
    return null;
  }

  private double number(SplittableRandom random) {
    FieldRules rules = field.getRules();
    double min = rules != null && rules.getMin() != null ? rules.getMin() : 0;
    double max = rules != null && rules.getMax() != null ? rules.getMax() : min + 1_000_000;
    return min + random.nextDouble() * (max - min);
  }

  private String text(SplittableRandom random) {
    String name = field.getName().toLowerCase(Locale.ROOT);
    String byName = byName(name, random);
    if (byName != null && (pattern == null || pattern.matcher(byName).matches())) {
      return byName;
    }
    for (Function<SplittableRandom, String> shape : TEXT_SHAPES) {
      String candidate = shape.apply(random);
      if (pattern == null || pattern.matcher(candidate).matches()) {
        return candidate;
      }
    }
    // No shape fits the user's pattern; the event will be dead-lettered and counted as such.
    return word(random);
  }

  private static String byName(String name, SplittableRandom random) {
    if (name.contains("email")) {
      return (pick(FIRST, random)
              + "."
              + pick(LAST, random)
              + random.nextInt(1000)
              + "@example.com")
          .toLowerCase(Locale.ROOT);
    }
    if (name.contains("first")) {
      return pick(FIRST, random);
    }
    if (name.contains("last")) {
      return pick(LAST, random);
    }
    if (name.contains("address")) {
      return random.nextInt(1, 999) + " " + pick(STREETS, random) + ", Springfield";
    }
    if (name.contains("post") || name.contains("zip")) {
      return String.valueOf(random.nextInt(10_000, 99_999));
    }
    if (name.contains("phone")) {
      return "+1-555-" + random.nextInt(1000, 9999);
    }
    if (name.contains("picture") || name.contains("url")) {
      return "https://img.example.com/" + random.nextInt(1, 100) + ".jpg";
    }
    if (name.contains("user")) {
      return (pick(FIRST, random) + random.nextInt(10_000)).toLowerCase(Locale.ROOT);
    }
    return null;
  }

  /** A version-4 UUID drawn from the seeded generator, so a seed repeats a run exactly. */
  private static UUID randomUuid(SplittableRandom random) {
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }

  private static String word(SplittableRandom random) {
    return pick(FIRST, random);
  }

  private static String pick(List<String> words, SplittableRandom random) {
    return words.get(random.nextInt(words.size()));
  }

  /** True when events can be generated that pass this field's rules. */
  boolean canSatisfyRules(SplittableRandom random) {
    if (type != FieldType.TEXT || pattern == null) {
      return true;
    }
    String literal = validLiteral(random);
    return pattern.matcher(literal.substring(1, literal.length() - 1)).matches();
  }
}
