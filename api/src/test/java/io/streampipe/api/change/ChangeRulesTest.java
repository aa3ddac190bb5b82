package io.streampipe.api.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeRulesTest {

  @Test
  void everySpecPropertyHasAChangeClass() {
    List<String> leaves = SpecProperties.leaves(ChangeRules.paths());

    assertThat(leaves).as("spec properties without a change class").isSubsetOf(ChangeRules.paths());
  }

  @Test
  void everyRuleNamesASpecProperty() {
    List<String> leaves = SpecProperties.leaves(ChangeRules.paths());

    assertThat(ChangeRules.paths()).as("rules for no spec property").isSubsetOf(leaves);
  }
}
