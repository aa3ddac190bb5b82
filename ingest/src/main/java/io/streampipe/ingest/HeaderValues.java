package io.streampipe.ingest;

import io.streampipe.api.IngestContract;
import io.streampipe.api.v1alpha1.HeaderSpec;
import io.streampipe.api.v1alpha1.SecretKeyRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves request headers. A value from a Secret key is read from the environment variable {@link
 * #variable}, which the operator's Deployment fills from the Secret and a local user exports;
 * values are never logged.
 */
public final class HeaderValues {
  private HeaderValues() {}

  /** The environment variable that carries a Secret key: STREAMPIPE_SECRET_NAME_KEY. */
  public static String variable(SecretKeyRef ref) {
    return IngestContract.secretVariable(ref);
  }

  static Map<String, String> resolve(List<HeaderSpec> headers, Function<String, String> env) {
    Map<String, String> values = new LinkedHashMap<>();
    for (HeaderSpec header : headers == null ? List.<HeaderSpec>of() : headers) {
      String value = header.getValue();
      if (header.getValueFrom() != null) {
        String variable = variable(header.getValueFrom());
        value = env.apply(variable);
        if (value == null) {
          throw new IllegalStateException(
              "header " + header.getName() + " needs the environment variable " + variable);
        }
      }
      values.put(header.getName(), value);
    }
    return values;
  }
}
