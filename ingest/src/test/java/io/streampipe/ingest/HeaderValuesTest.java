package io.streampipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streampipe.api.v1alpha1.HeaderSpec;
import io.streampipe.api.v1alpha1.SecretKeyRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderValuesTest {

  @Test
  void aSecretBackedValueComesFromItsVariableAndIsNeverInTheError() {
    HeaderSpec header = new HeaderSpec();
    header.setName("Authorization");
    header.setValueFrom(new SecretKeyRef("users-api", "token.v1"));

    assertThat(HeaderValues.variable(header.getValueFrom()))
        .isEqualTo("STREAMPIPE_SECRET_USERS_API_TOKEN_V1");
    assertThat(
            HeaderValues.resolve(
                List.of(header), Map.of("STREAMPIPE_SECRET_USERS_API_TOKEN_V1", "Bearer x")::get))
        .containsEntry("Authorization", "Bearer x");
    assertThatThrownBy(() -> HeaderValues.resolve(List.of(header), Map.<String, String>of()::get))
        .hasMessageContaining("STREAMPIPE_SECRET_USERS_API_TOKEN_V1");
  }
}
