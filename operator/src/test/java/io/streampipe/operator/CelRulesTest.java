package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cel.runtime.CelRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every x-kubernetes-validations rule of the generated CRD, compiled and run on examples. */
class CelRulesTest {
  /** A passing and a failing (self, oldSelf) pair per rule; a new rule without one fails. */
  private static final Map<String, List<Object[]>> EXAMPLES = new LinkedHashMap<>();

  private static final String DEAD_LETTER_MESSAGE =
      "the dead-letter topic's partitions may only grow (unset, they follow the input topic's):"
          + " Kafka cannot remove partitions";

  static {
    example("self == oldSelf", "created_users", "created_users", "created_users", "other_table");
    example(
        "(has(self.partitions) ? self.partitions : 3) >= (has(oldSelf.partitions) ?"
            + " oldSelf.partitions : 3)",
        Map.of("partitions", 6L),
        Map.of("partitions", 3L),
        Map.of("partitions", 2L),
        Map.of());
    example(
        "self.primaryKey.partitionKey.all(k, self.fields.exists(f, f.name == k))",
        schema("id", "id"),
        null,
        schema("id", "missing"),
        null);
    example(
        "(has(self.quality) && has(self.quality.deadLetter) && has(self.quality.deadLetter.topic)"
            + " && has(self.quality.deadLetter.topic.partitions) ?"
            + " self.quality.deadLetter.topic.partitions : has(self.source.topic.partitions) ?"
            + " self.source.topic.partitions : 3) >= (has(oldSelf.quality) &&"
            + " has(oldSelf.quality.deadLetter) && has(oldSelf.quality.deadLetter.topic) &&"
            + " has(oldSelf.quality.deadLetter.topic.partitions) ?"
            + " oldSelf.quality.deadLetter.topic.partitions : has(oldSelf.source.topic.partitions)"
            + " ? oldSelf.source.topic.partitions : 3)",
        deadLetter(6L),
        Map.of("source", Map.of("topic", Map.of("partitions", 6L))),
        deadLetter(4L),
        Map.of("source", Map.of("topic", Map.of("partitions", 6L))));
    example(
        "oldSelf.all(o, self.exists(f, f.name == o.name && f.type == o.type))",
        List.of(Map.of("name", "id", "type", "uuid"), Map.of("name", "n", "type", "int")),
        List.of(Map.of("name", "id", "type", "uuid")),
        List.of(Map.of("name", "id", "type", "text")),
        List.of(Map.of("name", "id", "type", "uuid")));
    example("self > 0", 1000L, null, 0L, null);
    example("self >= 1 && self <= 1000", 10L, null, 0L, null);
    example("self >= 0 && self <= 1048576", 4608L, null, 2_000_000L, null);
    example(
        "!(has(self.bootstrapServers) && has(self.kafkaCluster))",
        Map.of("kafkaCluster", "events"),
        null,
        Map.of("kafkaCluster", "events", "bootstrapServers", "kafka:9092"),
        null);
    example(
        "!has(self.format) || self.format != 'avro' || has(self.registry)",
        Map.of("format", "avro", "registry", Map.of("url", "http://registry:8080")),
        null,
        Map.of("format", "avro"),
        null);
    example(
        "self.metadata.name.size() <= 50",
        Map.of("metadata", Map.of("name", "users")),
        null,
        Map.of("metadata", Map.of("name", "x".repeat(51))),
        null);
    example(
        "self.metadata.name.matches('^[a-z]([-a-z0-9]*[a-z0-9])?$')",
        Map.of("metadata", Map.of("name", "users-2")),
        null,
        Map.of("metadata", Map.of("name", "2users")),
        null);
  }

  static {
    example(
        "(has(self.http) ? 1 : 0) + (has(self.sse) ? 1 : 0) + (has(self.websocket) ? 1 : 0) == 1",
        Map.of("sse", Map.of("url", "http://feed/events")),
        null,
        Map.of("http", Map.of("url", "http://api/users"), "sse", Map.of("url", "http://feed")),
        null);
    example(
        "has(self.value) != has(self.valueFrom)",
        Map.of("name", "Accept", "value", "application/json"),
        null,
        Map.of("name", "Authorization"),
        null);
    example(
        "has(self.nextPath) != has(self.valuePath)",
        Map.of("nextPath", "/next"),
        null,
        Map.of("nextPath", "/next", "valuePath", "/id", "param", "since"),
        null);
  }

  @Test
  void everyRuleCompilesAndSeparatesItsExamples() throws Exception {
    List<String> rules = rules();
    assertThat(rules).hasSizeGreaterThanOrEqualTo(8);
    for (String rule : rules) {
      assertThat(EXAMPLES).as("examples for rule %s", rule).containsKey(rule);
      CelRuntime.Program program = CrdAdmission.program(rule);
      List<Object[]> cases = EXAMPLES.get(rule);
      assertThat(program.eval(vars(cases.get(0))))
          .as("passing example of %s", rule)
          .isEqualTo(true);
      assertThat(program.eval(vars(cases.get(1))))
          .as("failing example of %s", rule)
          .isEqualTo(false);
    }
  }

  @Test
  void deadLetterPartitionsOnlyGrowWhenTheFieldAppearsOrDisappears() throws Exception {
    JsonNode schema = CrdAdmission.generatedSchema();
    String shrink = "partitions may only grow";
    // The field appearing on a live pipeline: the bypass a rule on the field itself allowed.
    assertThat(CrdAdmission.refusals(schema, pipeline(3, 1), pipeline(3, null)))
        .anySatisfy(m -> assertThat(m).contains("dead-letter", shrink));
    assertThat(CrdAdmission.refusals(schema, pipeline(6, 4), pipeline(6, null)))
        .as("unset, they follow the input topic's 6, not 3")
        .anySatisfy(m -> assertThat(m).contains("dead-letter", shrink));
    assertThat(CrdAdmission.refusals(schema, pipeline(3, 3), pipeline(3, null))).isEmpty();
    assertThat(CrdAdmission.refusals(schema, pipeline(3, 8), pipeline(3, null))).isEmpty();
    // Growing and shrinking a set value.
    assertThat(CrdAdmission.refusals(schema, pipeline(3, 8), pipeline(3, 4))).isEmpty();
    assertThat(CrdAdmission.refusals(schema, pipeline(3, 4), pipeline(3, 8)))
        .anySatisfy(m -> assertThat(m).contains("dead-letter", shrink));
    // Disappearing: back to the input topic's count, refused when that is fewer.
    assertThat(CrdAdmission.refusals(schema, pipeline(3, null), pipeline(3, 6)))
        .anySatisfy(m -> assertThat(m).contains("dead-letter", shrink));
    assertThat(CrdAdmission.refusals(schema, pipeline(6, null), pipeline(3, 6))).isEmpty();
    // The input topic grows, and the dead-letter topic that follows it grows along.
    assertThat(CrdAdmission.refusals(schema, pipeline(6, null), pipeline(3, null))).isEmpty();
    assertThat(CrdAdmission.refusals(schema, pipeline(2, null), pipeline(3, null)))
        .containsExactlyInAnyOrder(
            "partitions may only grow: Kafka cannot remove partitions", DEAD_LETTER_MESSAGE);
    assertThat(CrdAdmission.refusals(schema, pipeline(3, 1), null)).as("a create").isEmpty();
  }

  /** A pipeline as YAML with the given input and dead-letter partitions (null: unset). */
  private static String pipeline(Integer input, Integer deadLetter) {
    String yaml =
        "metadata: {name: users}\nspec:\n  source: {topic: {name: in"
            + (input == null ? "" : ", partitions: " + input)
            + "}}\n";
    if (deadLetter != null) {
      yaml += "  quality: {deadLetter: {topic: {partitions: " + deadLetter + "}}}\n";
    }
    return yaml;
  }

  private static List<String> rules() throws Exception {
    Path crd = Path.of("target/classes/META-INF/fabric8/streamingpipelines.streampipe.io-v1.yml");
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(crd.toFile());
    List<String> rules = new ArrayList<>();
    root.findValues("x-kubernetes-validations")
        .forEach(list -> list.forEach(r -> rules.add(r.get("rule").asText())));
    return rules;
  }

  private static Map<String, Object> vars(Object[] pair) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("self", pair[0]);
    vars.put("oldSelf", pair[1] == null ? pair[0] : pair[1]);
    return vars;
  }

  private static void example(
      String rule, Object pass, Object passOld, Object fail, Object failOld) {
    EXAMPLES.put(rule, List.of(new Object[] {pass, passOld}, new Object[] {fail, failOld}));
  }

  private static Map<String, Object> deadLetter(long partitions) {
    return Map.of(
        "source", Map.of("topic", Map.of("partitions", 6L)),
        "quality", Map.of("deadLetter", Map.of("topic", Map.of("partitions", partitions))));
  }

  private static Map<String, Object> schema(String field, String key) {
    return Map.of(
        "fields", List.of(Map.of("name", field, "type", "uuid")),
        "primaryKey", Map.of("partitionKey", List.of(key)));
  }
}
