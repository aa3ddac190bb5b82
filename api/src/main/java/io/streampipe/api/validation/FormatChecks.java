package io.streampipe.api.validation;

import io.streampipe.api.KubernetesNames;
import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.v1alpha1.RegistrySpec;
import io.streampipe.api.v1alpha1.SourceSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks of how the source's records are encoded, and of the schema registry Avro needs. */
final class FormatChecks {
  private static final Set<String> FORMATS =
      Set.of(PipelineDefaults.FORMAT_JSON, PipelineDefaults.FORMAT_AVRO);
  private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._-]{1,255}");

  private FormatChecks() {}

  static void check(SourceSpec source, Problems problems) {
    String path = "spec.source";
    problems.require(
        source.getFormat(), FORMATS::contains, path + ".format", "must be json or avro");
    RegistrySpec registry = source.getRegistry();
    if (PipelineDefaults.FORMAT_AVRO.equals(source.getFormat()) && registry == null) {
      problems.add(path + ".registry", "format avro needs a registry");
    }
    if (registry == null) {
      return;
    }
    problems.require(
        registry.getUrl(),
        FormatChecks::isHttpUrl,
        path + ".registry.url",
        "must be an http or https URL with a host, like http://registry:8080/apis/ccompat/v6");
    problems.whenSet(
        registry.getCredentialsSecret(),
        KubernetesNames::isDnsSubdomain,
        path + ".registry.credentialsSecret",
        "must be the name of a Secret");
    problems.require(
        registry.getSubject(),
        s -> SUBJECT.matcher(s).matches(),
        path + ".registry.subject",
        "must be 1 to 255 letters, digits, '.', '_' or '-'");
  }

  static boolean isHttpUrl(String url) {
    try {
      URI uri = new URI(url);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null
          && uri.getQuery() == null
          && uri.getFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
