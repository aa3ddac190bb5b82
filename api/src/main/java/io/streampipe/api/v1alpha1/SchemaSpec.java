package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Optional;

/** The shape of an event: its fields and the primary key of the table it lands in. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SchemaSpec {

  @Required
  @JsonPropertyDescription("The event's fields; each becomes a column of the table.")
  private List<FieldSpec> fields;

  @Required
  @JsonPropertyDescription("The table's primary key, made of required fields.")
  private PrimaryKeySpec primaryKey;

  public List<FieldSpec> getFields() {
    return fields;
  }

  public void setFields(List<FieldSpec> fields) {
    this.fields = fields;
  }

  public PrimaryKeySpec getPrimaryKey() {
    return primaryKey;
  }

  public void setPrimaryKey(PrimaryKeySpec primaryKey) {
    this.primaryKey = primaryKey;
  }

  /** The declared field of that name, if any. */
  public Optional<FieldSpec> field(String name) {
    return fields == null
        ? Optional.empty()
        : fields.stream().filter(f -> name.equals(f.getName())).findFirst();
  }
}
