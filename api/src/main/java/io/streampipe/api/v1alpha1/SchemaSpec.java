package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Optional;
import lombok.Getter;
import lombok.Setter;

/** The shape of an event: its fields and the primary key of the table it lands in. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.primaryKey.partitionKey.all(k, self.fields.exists(f, f.name == k))",
    message = "every partition key column must be a declared field")
@Getter
@Setter
public class SchemaSpec {

  @Required
  @JsonPropertyDescription("The event's fields; each becomes a column of the table.")
  @Size(min = 1, max = 500)
  // On the list, not the items: items of an atomic list have no old value to compare with.
  @ValidationRule(
      value = "oldSelf.all(o, self.exists(f, f.name == o.name && f.type == o.type))",
      message =
          "a field cannot be removed nor change its type: its column stays in the table with its"
              + " type")
  private List<FieldSpec> fields;

  @Required
  @JsonPropertyDescription("The table's primary key, made of required fields.")
  @ValidationRule(
      value = "self == oldSelf",
      message = "primaryKey is immutable: Cassandra cannot change a table's key")
  private PrimaryKeySpec primaryKey;

  /** The declared field of that name, if any. */
  public Optional<FieldSpec> field(String name) {
    return fields == null
        ? Optional.empty()
        : fields.stream().filter(f -> name.equals(f.getName())).findFirst();
  }
}
