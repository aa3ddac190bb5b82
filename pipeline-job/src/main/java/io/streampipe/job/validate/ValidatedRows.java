package io.streampipe.job.validate;

import io.streampipe.api.FieldType;
import io.streampipe.job.plan.JobPlan;
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

  /** Index of the first field column; the ones before are the metadata above, in that order. */
  public static final int FIRST_FIELD = 6;

  private ValidatedRows() {}

  /** Validates Kafka rows (columns key, value, partition, offset, timestamp). */
  public static Dataset<Row> validate(Dataset<Row> kafka, JobPlan plan) {
    return kafka
        .selectExpr("key", "value", "partition", "offset", "unix_millis(timestamp) AS ts")
        .mapPartitions(
            (MapPartitionsFunction<Row, Row>) new ValidateFunction(plan),
            Encoders.row(schema(plan)));
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
