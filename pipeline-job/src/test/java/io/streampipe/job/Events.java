package io.streampipe.job;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Test events of the users pipeline: valid ones, and one bad record per rule. */
public final class Events {
  private Events() {}

  public static String valid(UUID id, String firstName) {
    return "{\"id\":\""
        + id
        + "\",\"first_name\":\""
        + firstName
        + "\",\"gender\":\"female\","
        + "\"email\":\""
        + firstName.toLowerCase()
        + "@example.org\",\"age\":36,\"score\":2.5,"
        + "\"visits\":7,\"active\":true,\"registered_date\":\"2024-03-01T10:15:30.123Z\","
        + "\"dob\":\"1988-12-10\",\"unknown\":{\"nested\":[1,2]}}";
  }

  public static ProducerRecord<String, String> record(UUID id, String firstName) {
    return new ProducerRecord<>("ignored", id.toString(), valid(id, firstName));
  }

  /** A bad record for a rule and field, keyed "bad-<rule>-<field>". */
  record Bad(String rule, String field, String json) {
    ProducerRecord<String, String> record() {
      return new ProducerRecord<>("ignored", "bad-" + rule + "-" + field, json);
    }
  }

  static List<Bad> everyKindOfBad() {
    UUID id = UUID.randomUUID();
    String good = valid(id, "Bad");
    List<Bad> bad = new ArrayList<>();
    bad.add(new Bad("malformed_json", null, "{\"id\": oops"));
    bad.add(new Bad("malformed_json", null, "[\"not\",\"an\",\"object\"]"));
    bad.add(new Bad("required", "email", good.replace("\"email\":\"bad@example.org\",", "")));
    bad.add(new Bad("required", "id", good.replace("\"id\":\"" + id + "\"", "\"id\":null")));
    bad.add(new Bad("type", "age", good.replace("\"age\":36", "\"age\":\"abc\"")));
    bad.add(new Bad("type", "age", good.replace("\"age\":36", "\"age\":1.5")));
    bad.add(
        new Bad("type", "registered_date", good.replace("2024-03-01T10:15:30.123Z", "yesterday")));
    bad.add(new Bad("type", "id", good.replace(id.toString(), "not-a-uuid")));
    bad.add(new Bad("pattern", "email", good.replace("bad@example.org", "bad-at-example")));
    bad.add(new Bad("allowed_values", "gender", good.replace("female", "robot")));
    bad.add(new Bad("min", "age", good.replace("\"age\":36", "\"age\":-3")));
    bad.add(new Bad("max", "age", good.replace("\"age\":36", "\"age\":200")));
    return bad;
  }
}
