package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.streampipe.api.v1alpha1.FieldRules;
import io.streampipe.api.v1alpha1.FieldSpec;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.api.validation.PipelineValidator;
import io.streampipe.api.validation.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reliability suite's hostile spec corpus: every variant is refused, by a CEL rule of the
 * generated CRD or by the semantic validator, with the path of the field at fault.
 */
class HostileSpecsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final List<String> HOSTILE_NAMES =
      List.of(
          "x; DROP KEYSPACE system",
          "t\" WITH x",
          "tàble",
          "t".repeat(49),
          "1starts_with_digit",
          "",
          "with space");

  static Stream<Arguments> corpus() {
    List<Arguments> variants = new ArrayList<>();
    names("keyspace", (s, n) -> s.getSink().getCassandra().getKeyspace().setName(n), variants);
    names("table", (s, n) -> s.getSink().getCassandra().setTable(n), variants);
    names("field", (s, n) -> s.getSchema().getFields().get(1).setName(n), variants);
    add(
        variants,
        "system keyspace",
        s -> s.getSink().getCassandra().getKeyspace().setName("system"));
    add(variants, "topic with a slash", s -> s.getSource().getTopic().setName("a/b"));
    add(
        variants,
        "topic of 250 characters",
        s -> s.getSource().getTopic().setName("t".repeat(250)));
    add(variants, "zero partitions", s -> s.getSource().getTopic().setPartitions(0));
    add(variants, "negative partitions", s -> s.getSource().getTopic().setPartitions(-3));
    add(variants, "zero offsets per trigger", s -> s.getSource().setMaxOffsetsPerTrigger(0L));
    add(variants, "negative offsets per trigger", s -> s.getSource().setMaxOffsetsPerTrigger(-1L));
    add(variants, "no rows per write", s -> s.getSink().getCassandra().setWriteBatch(batch(0, 10)));
    add(
        variants,
        "huge write batch",
        s -> s.getSink().getCassandra().setWriteBatch(batch(10, 1 << 30)));
    add(variants, "ttl in words", s -> s.getSink().getCassandra().setTtl("20 minutes"));
    add(variants, "negative ttl", s -> s.getSink().getCassandra().setTtl("-5m"));
    add(variants, "ttl of a century", s -> s.getSink().getCassandra().setTtl("36500d"));
    add(variants, "trigger in words", s -> s.getProcessing().setTrigger("often"));
    add(
        variants,
        "write retry of a day",
        s -> s.getSink().getCassandra().setWriteRetryTimeout("1d"));
    add(
        variants,
        "write retry in words",
        s -> s.getSink().getCassandra().setWriteRetryTimeout("soon"));
    add(variants, "unclosed regex", s -> pattern(s, "(unclosed"));
    add(variants, "backreference", s -> pattern(s, "(a)\\1"));
    add(variants, "lookahead", s -> pattern(s, "^(?=.*@).+$"));
    add(variants, "possessive quantifier", s -> pattern(s, "a++b"));
    add(variants, "pattern on an int", s -> s.getSchema().getFields().add(withPattern("n", "int")));
    add(
        variants,
        "duplicate field",
        s -> s.getSchema().getFields().add(new FieldSpec("ID", "text", false)));
    add(variants, "unknown type", s -> s.getSchema().getFields().get(1).setType("varchar"));
    add(variants, "empty type", s -> s.getSchema().getFields().get(1).setType(""));
    add(variants, "empty schema", s -> s.getSchema().setFields(new ArrayList<>()));
    add(
        variants,
        "key on an unknown field",
        s -> s.getSchema().getPrimaryKey().setPartitionKey(List.of("nope")));
    add(
        variants,
        "key on an optional field",
        s -> s.getSchema().getPrimaryKey().setPartitionKey(List.of("first_name")));
    add(
        variants,
        "no partition key",
        s -> s.getSchema().getPrimaryKey().setPartitionKey(List.of()));
    add(variants, "min above max", s -> s.getSchema().getFields().add(bounded(10.0, 1.0)));
    add(variants, "empty allowed values", s -> allowed(s, List.of()));
    add(
        variants,
        "contact point with a bad port",
        s -> s.getSink().getCassandra().setContactPoints(List.of("db:99999")));
    add(variants, "blank datacenter", s -> s.getSink().getCassandra().setLocalDatacenter(" "));
    add(variants, "servers and a cluster", s -> s.getSource().setBootstrapServers("k:9092"));
    return variants.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void isRefusedWithThePathAtFault(String why, Consumer<StreamingPipelineSpec> breakIt)
      throws Exception {
    StreamingPipeline pipeline = TestPipelines.users("ns", "users");
    breakIt.accept(pipeline.getSpec());

    List<Problem> problems = PipelineValidator.validate(pipeline.getSpec());
    List<String> cel = CrdAdmission.refusals(schema(), YAML.writeValueAsString(pipeline), null);

    assertThat(problems.isEmpty() && cel.isEmpty()).as(why + " is refused").isFalse();
    assertThat(problems).allSatisfy(p -> assertThat(p.path()).startsWith("spec."));
  }

  @Test
  void theCorpusIsLargeAndTheReferenceItStartsFromIsValid() throws Exception {
    assertThat(corpus().count()).isGreaterThanOrEqualTo(50);
    StreamingPipeline pipeline = TestPipelines.users("ns", "users");
    assertThat(PipelineValidator.validate(pipeline.getSpec())).isEmpty();
    assertThat(CrdAdmission.refusals(schema(), YAML.writeValueAsString(pipeline), null)).isEmpty();
  }

  private static JsonNode schema() throws Exception {
    return CrdAdmission.generatedSchema();
  }

  private static void names(
      String what, BiConsumer<StreamingPipelineSpec, String> set, List<Arguments> variants) {
    for (String name : HOSTILE_NAMES) {
      add(variants, what + " named '" + name + "'", s -> set.accept(s, name));
    }
  }

  private static void add(
      List<Arguments> variants, String why, Consumer<StreamingPipelineSpec> breakIt) {
    variants.add(Arguments.of(why, breakIt));
  }

  private static void pattern(StreamingPipelineSpec spec, String regex) {
    FieldSpec text = spec.getSchema().getFields().get(1);
    FieldRules rules = new FieldRules();
    rules.setPattern(regex);
    text.setRules(rules);
  }

  private static void allowed(StreamingPipelineSpec spec, List<String> values) {
    FieldRules rules = new FieldRules();
    rules.setAllowedValues(values);
    spec.getSchema().getFields().get(1).setRules(rules);
  }

  private static FieldSpec withPattern(String name, String type) {
    FieldSpec field = new FieldSpec(name, type, false);
    FieldRules rules = new FieldRules();
    rules.setPattern("[0-9]+");
    field.setRules(rules);
    return field;
  }

  private static FieldSpec bounded(double min, double max) {
    FieldSpec field = new FieldSpec("age", "int", false);
    FieldRules rules = new FieldRules();
    rules.setMin(min);
    rules.setMax(max);
    field.setRules(rules);
    return field;
  }

  private static io.streampipe.api.v1alpha1.WriteBatchSpec batch(int rows, int bytes) {
    var batch = new io.streampipe.api.v1alpha1.WriteBatchSpec();
    batch.setMaxRows(rows);
    batch.setMaxBytes(bytes);
    return batch;
  }
}
