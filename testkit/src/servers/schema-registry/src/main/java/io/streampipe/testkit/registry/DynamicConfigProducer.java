package io.streampipe.testkit.registry;

import io.apicurio.common.apps.config.DynamicConfigPropertyList;
import java.util.List;
import javax.enterprise.inject.Produces;
import javax.inject.Singleton;

/**
 * The list of properties an admin may change at run time, which Apicurio's unpublished
 * config-index extension would generate at build time. Empty: every setting keeps its configured
 * value, which is all a test registry needs.
 */
public class DynamicConfigProducer {
  @Produces
  @Singleton
  DynamicConfigPropertyList dynamicConfigProperties() {
    return new DynamicConfigPropertyList(List.of());
  }
}
