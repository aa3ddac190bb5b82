package io.streampipe.job.validate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streampipe.api.FieldType;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads one JSON value as a field type, into its wire form: text as String, uuid as {@link
 * java.util.UUID}, int as Integer, bigint as Long, double as Double, boolean as Boolean, timestamp
 * as epoch milliseconds (Long), date as epoch day (Integer). On the shuffle path a uuid crosses as
 * its canonical text; the rest cross as they are and become driver types when bound.
 */
final class FieldCodec {
  /** Returned instead of a value when the JSON value does not fit the type. */
  static final Object WRONG_TYPE = new Object();

  private FieldCodec() {}

  /** The wire value of the current token, or {@link #WRONG_TYPE}; never called on null. */
  static Object read(JsonParser parser, JsonToken token, FieldType type) throws IOException {
    return switch (type) {
      case TEXT -> token.isScalarValue() ? parser.getText() : WRONG_TYPE;
      case UUID -> token == JsonToken.VALUE_STRING ? uuid(parser.getText()) : WRONG_TYPE;
      case INT ->
          isInteger(parser, token, JsonParser.NumberType.INT)
              ? (Object) parser.getIntValue()
              : WRONG_TYPE;
      case BIGINT -> isLong(parser, token) ? (Object) parser.getLongValue() : WRONG_TYPE;
      case DOUBLE -> token.isNumeric() ? finite(parser.getDoubleValue()) : WRONG_TYPE;
      case BOOLEAN -> token.isBoolean() ? (Object) (token == JsonToken.VALUE_TRUE) : WRONG_TYPE;
      case TIMESTAMP -> timestamp(parser, token);
      case DATE -> token == JsonToken.VALUE_STRING ? date(parser.getText()) : WRONG_TYPE;
    };
  }

  /** What a field of that type accepts, for messages. */
  static String expected(FieldType type) {
    return switch (type) {
      case TEXT -> "a JSON string, number or boolean";
      case UUID -> "a UUID string like 123e4567-e89b-12d3-a456-426614174000";
      case INT -> "a whole number within 32 bits";
      case BIGINT -> "a whole number within 64 bits";
      case DOUBLE -> "a number";
      case BOOLEAN -> "true or false";
      case TIMESTAMP -> "an ISO-8601 timestamp with offset or epoch milliseconds";
      case DATE -> "a date string yyyy-MM-dd";
    };
  }

  private static boolean isInteger(JsonParser parser, JsonToken token, JsonParser.NumberType max)
      throws IOException {
    return token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == max;
  }

  private static boolean isLong(JsonParser parser, JsonToken token) throws IOException {
    return token == JsonToken.VALUE_NUMBER_INT
        && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
  }

  private static Object finite(double value) {
    return Double.isFinite(value) ? (Object) value : WRONG_TYPE;
  }

  private static Object timestamp(JsonParser parser, JsonToken token) throws IOException {
    if (isLong(parser, token)) {
      return parser.getLongValue();
    }
    if (token != JsonToken.VALUE_STRING) {
      return WRONG_TYPE;
    }
    try {
      return IsoTimestamps.parseMillis(parser.getText());
    } catch (DateTimeException | ArithmeticException e) {
      return WRONG_TYPE;
    }
  }

  private static Object date(String text) {
    try {
      return (Object) Math.toIntExact(LocalDate.parse(text).toEpochDay());
    } catch (DateTimeException | ArithmeticException e) {
      return WRONG_TYPE;
    }
  }

  /**
   * Strict 8-4-4-4-12 hex, parsed in one pass without intermediate strings (UUID.fromString alone
   * also takes forms like 1-1-1-1-1, and costs a substring per group).
   */
  static Object uuid(String text) {
    if (text.length() != 36) {
      return WRONG_TYPE;
    }
    long most = 0;
    long least = 0;
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (c != '-') {
          return WRONG_TYPE;
        }
        continue;
      }
      int digit = hex(c);
      if (digit < 0) {
        return WRONG_TYPE;
      }
      if (i < 18) {
        most = most << 4 | digit;
      } else {
        least = least << 4 | digit;
      }
    }
    return new java.util.UUID(most, least);
  }

  /** ASCII hex only: Character.digit would also take other scripts' digits. */
  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }
}
