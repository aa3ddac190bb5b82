package io.streampipe.job.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaSourceRowTest {
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark =
        SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  /** Declaring a stream reads no broker: the schema comes from the source, as the job sees it. */
  @Test
  void eachNamedPositionHoldsTheColumnSparksKafkaSourceDeclaresThere() {
    StructField[] declared =
        spark
            .readStream()
            .format("kafka")
            .option("kafka.bootstrap.servers", "127.0.0.1:9")
            .option("subscribe", "any")
            .load()
            .schema()
            .fields();
    Map<Integer, DataType> types =
        Map.of(
            KafkaSourceRow.KEY, DataTypes.BinaryType,
            KafkaSourceRow.VALUE, DataTypes.BinaryType,
            KafkaSourceRow.TOPIC, DataTypes.StringType,
            KafkaSourceRow.PARTITION, DataTypes.IntegerType,
            KafkaSourceRow.OFFSET, DataTypes.LongType,
            KafkaSourceRow.TIMESTAMP, DataTypes.TimestampType,
            KafkaSourceRow.TIMESTAMP_TYPE, DataTypes.IntegerType);

    assertThat(declared).hasSize(KafkaSourceRow.NAMES.size()).hasSize(types.size());
    types.forEach(
        (position, type) -> {
          assertThat(declared[position].name()).isEqualTo(KafkaSourceRow.name(position));
          assertThat(declared[position].dataType()).isEqualTo(type);
        });
    assertThat(List.of(declared).stream().map(StructField::name))
        .containsExactlyElementsOf(KafkaSourceRow.NAMES);
  }
}
