package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The changes admission refuses on an update, run through the generated CRD's rules with old and
 * new objects: what would corrupt the table or the topic never reaches the operator.
 */
class TransitionRulesTest {
  private static final String FIELDS = "a field cannot be removed nor change its type";
  private static JsonNode schema;

  @BeforeAll
  static void readCrd() throws Exception {
    schema = CrdAdmission.generatedSchema();
  }

  @Test
  void aFieldsTypeCannotChange() throws Exception {
    assertThat(refusals(pipeline("id: uuid, n: int", "id"), pipeline("id: uuid, n: bigint", "id")))
        .anySatisfy(m -> assertThat(m).startsWith(FIELDS));
  }

  @Test
  void aFieldCannotBeRemoved() throws Exception {
    assertThat(refusals(pipeline("id: uuid", "id"), pipeline("id: uuid, n: int", "id")))
        .anySatisfy(m -> assertThat(m).startsWith(FIELDS));
  }

  @Test
  void fieldsMayBeAddedReorderedOrChangeTheirRules() throws Exception {
    String before = pipeline("id: uuid, n: int", "id");

    assertThat(refusals(pipeline("n: int, id: uuid, added: text", "id"), before)).isEmpty();
    assertThat(
            refusals(
                pipeline("id: uuid, n: int", "id")
                    .replace("n, type: int", "n, type: int, required: true"),
                before))
        .isEmpty();
  }

  @Test
  void theKeyTheKeyspaceAndTheTableAreImmutable() throws Exception {
    String before = pipeline("id: uuid, n: int", "id");

    assertThat(refusals(pipeline("id: uuid, n: int", "n"), before))
        .anySatisfy(m -> assertThat(m).startsWith("primaryKey is immutable"));
    assertThat(refusals(before.replace("name: ks", "name: other"), before))
        .anySatisfy(m -> assertThat(m).startsWith("keyspace is immutable"));
    assertThat(refusals(before.replace("table: t", "table: other"), before))
        .anySatisfy(m -> assertThat(m).startsWith("table is immutable"));
  }

  @Test
  void aCreateIsNotATransition() throws Exception {
    assertThat(CrdAdmission.refusals(schema, pipeline("id: text", "id"), null)).isEmpty();
  }

  private static java.util.List<String> refusals(String after, String before) throws Exception {
    return CrdAdmission.refusals(schema, after, before);
  }

  /** A pipeline with fields given as "name: type, …" and the partition key column. */
  private static String pipeline(String fields, String key) {
    StringBuilder list = new StringBuilder();
    for (String field : fields.split(",\\s*")) {
      String[] parts = field.split(":\\s*");
      list.append("      - {name: ")
          .append(parts[0])
          .append(", type: ")
          .append(parts[1])
          .append("}\n");
    }
    return "metadata: {name: users}\n"
        + "spec:\n"
        + "  source: {topic: {name: in}}\n"
        + "  schema:\n"
        + "    fields:\n"
        + list
        + "    primaryKey: {partitionKey: ["
        + key
        + "]}\n"
        + "  sink: {cassandra: {keyspace: {name: ks}, table: t}}\n";
  }
}
