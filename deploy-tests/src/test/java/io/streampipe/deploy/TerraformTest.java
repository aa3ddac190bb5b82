package io.streampipe.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** terraform fmt and validate where possible offline, and structure checked with a real parser. */
class TerraformTest {

  private static final Path PLUGIN_MIRROR =
      Path.of(System.getProperty("streampipe.terraform.plugins", "/opt/tf-plugins"));

  @Test
  void isFormatted() throws Exception {
    assumeTrue(Hcl.onPath("terraform"), "terraform is not installed: fmt check skipped");

    Hcl.run(
        DeployPaths.terraform(), List.of("terraform", "fmt", "-check", "-recursive", "-diff", "."));
  }

  @Test
  void everyVariableIsTypedAndDescribedAndEveryOutputDescribed() throws Exception {
    forEachFile(
        (file, hcl) -> {
          hcl.path("variable")
              .properties()
              .forEach(
                  v -> {
                    JsonNode body = v.getValue().get(0);
                    assertThat(body.path("type").asText())
                        .as(file + " variable " + v.getKey() + " type")
                        .isNotBlank();
                    assertThat(body.path("description").asText())
                        .as(file + " variable " + v.getKey())
                        .isNotBlank();
                  });
          hcl.path("output")
              .properties()
              .forEach(
                  o ->
                      assertThat(o.getValue().get(0).path("description").asText())
                          .as(file + " output " + o.getKey())
                          .isNotBlank());
        });
  }

  @Test
  void everyRootAndModulePinsItsProviders() throws Exception {
    Map<String, Map<String, String>> providers = requiredProviders();

    assertThat(providers.keySet())
        .contains(
            "modules/streampipe-platform",
            "examples/existing-cluster",
            "examples/eks",
            "examples/gke");
    providers.forEach(
        (dir, versions) -> {
          assertThat(versions).as(dir + " required_providers").containsKeys("kubernetes", "helm");
          versions.forEach(
              (name, version) -> {
                String pin =
                    dir.startsWith("modules/")
                        ? "~> [0-9]+\\.[0-9]+"
                        : "=?\\s*[0-9]+\\.[0-9]+\\.[0-9]+";
                assertThat(version).as(dir + " " + name + " version").matches(pin);
              });
        });
  }

  @Test
  void modulesHaveNoProviderBlocksAndPinTheirSources() throws Exception {
    forEachFile(
        (file, hcl) -> {
          if (file.startsWith("modules/")) {
            assertThat(hcl.has("provider")).as(file + " has a provider block").isFalse();
          }
          hcl.path("module")
              .properties()
              .forEach(
                  m -> {
                    JsonNode body = m.getValue().get(0);
                    String source = body.path("source").asText();
                    if (source.startsWith("git::") || source.contains("github.com")) {
                      assertThat(source)
                          .as(file + " module " + m.getKey())
                          .containsPattern("\\?ref=v?[0-9]");
                    } else if (!source.startsWith("./") && !source.startsWith("../")) {
                      assertThat(body.path("version").asText())
                          .as(file + " module " + m.getKey() + " version")
                          .matches("[0-9]+\\.[0-9]+\\.[0-9]+");
                    } else {
                      Path local =
                          DeployPaths.terraform()
                              .resolve(file)
                              .getParent()
                              .resolve(source)
                              .normalize();
                      assertThat(local).as(file + " module " + m.getKey()).isDirectory();
                    }
                  });
          hcl.path("resource")
              .path("helm_release")
              .properties()
              .forEach(
                  r -> {
                    JsonNode body = r.getValue().get(0);
                    if (body.has("repository")) {
                      assertThat(body.path("version").asText())
                          .as(file + " helm_release " + r.getKey())
                          .isNotBlank();
                    }
                  });
        });
  }

  @TestFactory
  Stream<DynamicTest> validatesEveryRootWhoseProvidersAreAvailableOffline() throws Exception {
    Map<String, Map<String, String>> providers = requiredProviders();
    List<DynamicTest> tests = new ArrayList<>();
    providers.forEach(
        (dir, versions) -> tests.add(DynamicTest.dynamicTest(dir, () -> validate(dir, versions))));
    return tests.stream();
  }

  private void validate(String dir, Map<String, String> versions) throws Exception {
    assumeTrue(Hcl.onPath("terraform"), "terraform is not installed: validate skipped");
    Set<String> missing = new TreeSet<>();
    for (String name : versions.keySet()) {
      if (!Files.isDirectory(
          PLUGIN_MIRROR.resolve("registry.terraform.io/hashicorp").resolve(name))) {
        missing.add("hashicorp/" + name);
      }
    }
    Set<String> remoteModules = remoteModules(dir);
    assumeTrue(
        missing.isEmpty() && remoteModules.isEmpty(),
        "terraform validate skipped for "
            + dir
            + ": offline mirror "
            + PLUGIN_MIRROR
            + " lacks "
            + missing
            + (remoteModules.isEmpty() ? "" : ", remote modules " + remoteModules));

    Path copy = Files.createTempDirectory("tf-validate");
    Hcl.run(copy, List.of("cp", "-r", DeployPaths.terraform().toString(), copy.toString()));
    Path root = copy.resolve("terraform").resolve(dir);
    Hcl.run(
        root,
        List.of(
            "terraform", "init", "-backend=false", "-input=false", "-plugin-dir=" + PLUGIN_MIRROR));
    Hcl.run(root, List.of("terraform", "validate", "-no-color"));
  }

  private Set<String> remoteModules(String dir) throws Exception {
    Set<String> remote = new TreeSet<>();
    forEachFile(
        (file, hcl) -> {
          if (file.startsWith(dir + "/")) {
            hcl.path("module")
                .properties()
                .forEach(
                    m -> {
                      String source = m.getValue().get(0).path("source").asText();
                      if (!source.startsWith("./") && !source.startsWith("../")) {
                        remote.add(source);
                      }
                    });
          }
        });
    return remote;
  }

  /** Terraform directory → provider name → version constraint. */
  private Map<String, Map<String, String>> requiredProviders() throws Exception {
    Map<String, Map<String, String>> providers = new TreeMap<>();
    forEachFile(
        (file, hcl) -> {
          String dir = Path.of(file).getParent().toString();
          for (JsonNode terraform : hcl.path("terraform")) {
            for (JsonNode block : terraform.path("required_providers")) {
              block
                  .properties()
                  .forEach(
                      p ->
                          providers
                              .computeIfAbsent(dir, d -> new TreeMap<>())
                              .put(p.getKey(), p.getValue().path("version").asText()));
            }
          }
        });
    return providers;
  }

  private interface FileCheck {
    void check(String file, JsonNode hcl) throws Exception;
  }

  private static void forEachFile(FileCheck check) throws Exception {
    JsonNode all = Hcl.parseAll();
    assertThat(all.size()).as("parsed .tf files").isGreaterThan(10);
    for (var file : (Iterable<Map.Entry<String, JsonNode>>) all.properties()::iterator) {
      check.check(file.getKey(), file.getValue());
    }
  }
}
