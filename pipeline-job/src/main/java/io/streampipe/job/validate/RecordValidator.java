package io.streampipe.job.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.streampipe.api.deadletter.Utf8;
import io.streampipe.api.v1alpha1.SchemaSpec;
import io.streampipe.job.validate.Validated.Rejection;
import io.streampipe.job.validate.Validated.Valid;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one Kafka record value against the declared schema and checks its rules: a streaming parse
 * (no tree), regexes compiled once, unknown properties skipped. Pure Java, no Spark.
 */
public final class RecordValidator implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final JsonFactory JSON = new JsonFactory();
  private static final int EXCERPT = 60;

  private final CompiledField[] fields;
  private final Map<String, Integer> index = new HashMap<>();

  public RecordValidator(List<CompiledField> fields) {
    this.fields = fields.toArray(new CompiledField[0]);
    for (int i = 0; i < this.fields.length; i++) {
      index.put(this.fields[i].name(), i);
    }
  }

  public static RecordValidator of(SchemaSpec schema) {
    return new RecordValidator(schema.getFields().stream().map(CompiledField::of).toList());
  }

  public List<CompiledField> fields() {
    return List.of(fields);
  }

  /** The typed values of a record, or why it is refused; never throws on bad input. */
  public Validated validate(byte[] json) {
    if (json == null || json.length == 0) {
      return Rejection.of(Rule.MALFORMED_JSON, null, "the record has no value");
    }
    int invalid = Utf8.firstInvalid(json);
    if (invalid >= 0) {
      return Rejection.of(Rule.MALFORMED_JSON, null, "invalid UTF-8 at byte " + invalid);
    }
    Object[] values = new Object[fields.length];
    String[] raw = new String[fields.length];
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Rejection.of(Rule.MALFORMED_JSON, null, "the value is not a JSON object");
      }
      readObject(parser, values, raw);
      if (parser.nextToken() != null) {
        return Rejection.of(Rule.MALFORMED_JSON, null, "content after the JSON object");
      }
    } catch (JsonProcessingException e) {
      return Rejection.of(Rule.MALFORMED_JSON, null, "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      return Rejection.of(Rule.MALFORMED_JSON, null, "unreadable: " + e.getMessage());
    }
    List<Failure> failures = check(values, raw);
    return failures == null ? new Valid(values) : new Rejection(failures);
  }

  /**
   * The rules applied to values decoded elsewhere (Avro), exactly as to parsed JSON; {@code values}
   * are in their wire form, one per declared field.
   */
  public Validated check(Object[] values) {
    String[] raw = new String[fields.length];
    for (int i = 0; i < fields.length; i++) {
      if (values[i] != null && fields[i].allowedValues() != null) {
        raw[i] = String.valueOf(values[i]);
      }
    }
    List<Failure> failures = check(values, raw);
    return failures == null ? new Valid(values) : new Rejection(failures);
  }

  private void readObject(JsonParser parser, Object[] values, String[] raw) throws IOException {
    int next = 0;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      int at = position(parser.currentName(), next);
      if (at >= 0) {
        next = at + 1;
      }
      JsonToken token = parser.nextToken();
      if (at < 0 || token == JsonToken.VALUE_NULL) {
        parser.skipChildren();
        if (at >= 0) {
          values[at] = null;
        }
        continue;
      }
      Object value = FieldCodec.read(parser, token, fields[at].type());
      if (value == FieldCodec.WRONG_TYPE || fields[at].allowedValues() != null) {
        raw[at] = token.isScalarValue() ? parser.getText() : token.asString();
        parser.skipChildren();
      }
      values[at] = value;
    }
    if (parser.currentToken() != JsonToken.END_OBJECT) {
      throw new IOException("the JSON object is not closed");
    }
  }

  /**
   * The declared position of a property, or -1. Producers mostly write the fields in one order, so
   * the field after the previous one is tried before the map: a profile showed the lookup at a
   * twentieth of the task.
   */
  private int position(String name, int next) {
    if (next < fields.length && fields[next].name().equals(name)) {
      return next;
    }
    Integer at = index.get(name);
    return at == null ? -1 : at;
  }

  /** Failures in declaration order, or null when none; keeps the happy path allocation-free. */
  private List<Failure> check(Object[] values, String[] raw) {
    List<Failure> failures = null;
    for (int i = 0; i < fields.length; i++) {
      Failure failure = check(fields[i], values[i], raw[i]);
      if (failure != null) {
        failures = failures == null ? new ArrayList<>(2) : failures;
        failures.add(failure);
      }
    }
    return failures;
  }

  private static Failure check(CompiledField field, Object value, String raw) {
    if (value == FieldCodec.WRONG_TYPE) {
      return new Failure(
          Rule.TYPE,
          field.name(),
          "expected " + FieldCodec.expected(field.type()) + ", got " + excerpt(raw));
    }
    if (value == null) {
      return field.required()
          ? new Failure(Rule.REQUIRED, field.name(), "is required but missing or null")
          : null;
    }
    return FieldRuleCheck.check(field, value, raw);
  }

  static String excerpt(String text) {
    if (text == null) {
      return "nothing";
    }
    String shown = text.length() > EXCERPT ? text.substring(0, EXCERPT) + "..." : text;
    return "'" + shown + "'";
  }
}
