package io.streampipe.job.validate;

import io.streampipe.api.FieldType;
import io.streampipe.job.plan.JobPlan;
import io.streampipe.job.source.KafkaSourceRow;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The validate step as a {@code Dataset<Row> → Dataset<Row>} function: one output row per Kafka
 * record, either valid (typed columns, dedup key in {@code route}) or refused (the dead-letter
 * message in {@code dead_letter}). One row in, one row out: nothing is dropped here.
 */
public final class ValidatedRows {
  public static final String ROUTE = "route";
  public static final String DEAD_LETTER = "dead_letter";
  public static final String RULE = "rule";
  public static final String PARTITION = "partition";
  public static final String OFFSET = "offset";
  public static final String KEY = "key";

  /** Positions of the metadata columns above, in that order; the fields follow them. */
  public static final int AT_ROUTE = 0;

  public static final int AT_DEAD_LETTER = 1;
  public static final int AT_RULE = 2;
  public static final int AT_PARTITION = 3;
  public static final int AT_OFFSET = 4;
  public static final int AT_KEY = 5;

  /** Index of the first field column. */
  public static final int FIRST_FIELD = 6;

  /**
   * The Kafka source's columns up to the timestamp, each where {@link KafkaSourceRow} puts it, so
   * the validate step reads them by its positions; the timestamp in epoch millis.
   */
  private static final String[] INPUT = input();

  private ValidatedRows() {}

  /** Validates Kafka rows (columns key, value, topic, partition, offset, timestamp). */
  public static Dataset<Row> validate(Dataset<Row> kafka, JobPlan plan) {
    return kafka
        .selectExpr(INPUT)
        .mapPartitions(
            (MapPartitionsFunction<Row, Row>) new ValidateFunction(plan),
            Encoders.row(schema(plan)));
  }

  private static String[] input() {
    String[] columns = new String[KafkaSourceRow.TIMESTAMP + 1];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = KafkaSourceRow.name(i);
    }
    columns[KafkaSourceRow.TIMESTAMP] = "unix_millis(" + columns[KafkaSourceRow.TIMESTAMP] + ")";
    return columns;
  }

  public static StructType schema(JobPlan plan) {
    List<StructField> columns = new ArrayList<>();
    columns.add(DataTypes.createStructField(ROUTE, DataTypes.StringType, false));
    columns.add(DataTypes.createStructField(DEAD_LETTER, DataTypes.StringType, true));
    columns.add(DataTypes.createStructField(RULE, DataTypes.StringType, true));
    columns.add(DataTypes.createStructField(PARTITION, DataTypes.IntegerType, false));
    columns.add(DataTypes.createStructField(OFFSET, DataTypes.LongType, false));
    columns.add(DataTypes.createStructField(KEY, DataTypes.BinaryType, true));
    for (CompiledField field : plan.validator().fields()) {
      columns.add(DataTypes.createStructField(field.name(), sparkType(field.type()), true));
    }
    return DataTypes.createStructType(columns);
  }

  /** The Spark type of a field's wire form (see {@link FieldCodec}). */
  static DataType sparkType(FieldType type) {
    return switch (type) {
      case TEXT, UUID -> DataTypes.StringType;
      case INT, DATE -> DataTypes.IntegerType;
      case BIGINT, TIMESTAMP -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
      case BOOLEAN -> DataTypes.BooleanType;
    };
  }
}
