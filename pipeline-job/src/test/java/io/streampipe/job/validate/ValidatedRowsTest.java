package io.streampipe.job.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.job.TestDocuments;
import io.streampipe.job.dedup.DedupKey;
import io.streampipe.job.plan.JobPlan;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ValidatedRowsTest {
  private static final StructType KAFKA =
      new StructType()
          .add("key", DataTypes.BinaryType)
          .add("value", DataTypes.BinaryType)
          .add("topic", DataTypes.StringType)
          .add("partition", DataTypes.IntegerType)
          .add("offset", DataTypes.LongType)
          .add("timestamp", DataTypes.TimestampType);
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark =
        SparkSession.builder()
            .master("local[1]")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "1")
            .getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void oneRowPerRecordValidOnesTypedRefusedOnesWithTheirMessage() {
    JobPlan plan = JobPlan.of(ValidPipeline.of(TestDocuments.users()));
    List<Row> kafka =
        List.of(
            record(0, 0, RecordValidatorTest.record(null, null)),
            record(0, 1, RecordValidatorTest.record("email", "\"nope\"")),
            record(1, 0, "garbage"));

    List<Row> rows =
        ValidatedRows.validate(spark.createDataFrame(kafka, KAFKA), plan).collectAsList();

    assertThat(rows).hasSize(3);
    Row valid = rows.get(0);
    assertThat(valid.isNullAt(1)).isTrue();
    assertThat(valid.getString(0)).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
    assertThat(valid.<Integer>getAs("age")).isEqualTo(36);
    assertThat(valid.<Long>getAs("registered_date")).isEqualTo(1709288130123L);
    assertThat(rows.get(1).getString(2)).isEqualTo("pattern");
    assertThat(rows.get(1).getString(1)).contains("\"field\":\"email\"").contains("\"offset\":1");
    assertThat(rows.get(2).getString(2)).isEqualTo("malformed_json");
    assertThat((byte[]) rows.get(2).getAs("key")).isEqualTo("k1".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void eachNamedPositionHoldsItsColumnInTheSchema() {
    JobPlan plan = JobPlan.of(ValidPipeline.of(TestDocuments.users()));
    StructType schema = ValidatedRows.schema(plan);

    assertThat(schema.fieldIndex(ValidatedRows.ROUTE)).isEqualTo(ValidatedRows.AT_ROUTE);
    assertThat(schema.fieldIndex(ValidatedRows.DEAD_LETTER))
        .isEqualTo(ValidatedRows.AT_DEAD_LETTER);
    assertThat(schema.fieldIndex(ValidatedRows.RULE)).isEqualTo(ValidatedRows.AT_RULE);
    assertThat(schema.fieldIndex(ValidatedRows.PARTITION)).isEqualTo(ValidatedRows.AT_PARTITION);
    assertThat(schema.fieldIndex(ValidatedRows.OFFSET)).isEqualTo(ValidatedRows.AT_OFFSET);
    assertThat(schema.fieldIndex(ValidatedRows.KEY)).isEqualTo(ValidatedRows.AT_KEY);
    assertThat(schema.fields()[ValidatedRows.FIRST_FIELD].name())
        .isEqualTo(plan.validator().fields().get(0).name());
  }

  @Test
  void theDedupKeyJoinsSeveralFieldsWithoutAmbiguity() {
    Object[] values = {"a", "b\u0000c", null};

    assertThat(DedupKey.of(values, new int[] {0, 1}))
        .isNotEqualTo(DedupKey.of(new Object[] {"a\u0000b", "c"}, new int[] {0, 1}));
    assertThat(DedupKey.of(values, new int[] {2})).isNotEqualTo("null");
  }

  private static Row record(int partition, long offset, String value) {
    return RowFactory.create(
        ("k" + partition).getBytes(StandardCharsets.UTF_8),
        value.getBytes(StandardCharsets.UTF_8),
        "users",
        partition,
        offset,
        new Timestamp(1_700_000_000_000L));
  }
}
