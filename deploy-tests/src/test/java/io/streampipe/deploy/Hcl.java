package io.streampipe.deploy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Parses Terraform files with HashiCorp's HCL parser (compiled to WebAssembly in npm's
 * {@code @cdktf/hcl2json}), installed under target/ on first use.
 */
final class Hcl {

  static final String HCL2JSON = "@cdktf/hcl2json@0.21.0";
  private static JsonNode parsed;

  private Hcl() {}

  /** Every .tf file under terraform/, relative path → its JSON form. */
  static synchronized JsonNode parseAll() throws IOException, InterruptedException {
    if (parsed == null) {
      Path prefix = Path.of(System.getProperty("streampipe.npm.prefix", "target/hcl2json"));
      install(prefix);
      Path script = prefix.resolve("parse-all.js");
      Files.writeString(
          script,
          """
          const {parse} = require('@cdktf/hcl2json');
          const fs = require('fs'), path = require('path');
          const root = process.argv[2];
          const files = [];
          (function walk(d) {
            for (const e of fs.readdirSync(d, {withFileTypes: true})) {
              if (e.name === '.terraform') continue;
              const p = path.join(d, e.name);
              if (e.isDirectory()) walk(p); else if (p.endsWith('.tf')) files.push(p);
            }
          })(root);
          (async () => {
            const out = {};
            for (const f of files) out[path.relative(root, f)] = await parse(f, fs.readFileSync(f, 'utf8'));
            process.stdout.write(JSON.stringify(out));
          })().catch(e => { console.error(e); process.exit(1); });
          """);
      String json =
          run(prefix, List.of("node", script.toString(), DeployPaths.terraform().toString()));
      parsed = new ObjectMapper().readTree(json);
    }
    return parsed;
  }

  private static void install(Path prefix) throws IOException, InterruptedException {
    if (Files.isDirectory(prefix.resolve("node_modules/@cdktf/hcl2json"))) {
      return;
    }
    assumeTrue(onPath("npm") && onPath("node"), "npm/node are not installed: HCL checks skipped");
    Files.createDirectories(prefix);
    run(
        prefix,
        List.of(
            "npm",
            "install",
            "--prefix",
            prefix.toString(),
            "--no-audit",
            "--no-fund",
            "--no-save",
            HCL2JSON));
  }

  static boolean onPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(java.io.File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
  }

  /** Runs a command, failing with its output when it exits non-zero; returns stdout. */
  static String run(Path dir, List<String> command) throws IOException, InterruptedException {
    Path out = Files.createTempFile("cmd", ".out");
    Path err = Files.createTempFile("cmd", ".err");
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("timed out: " + command);
    }
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new AssertionError(command + " exited " + process.exitValue() + "\n" + stdout + stderr);
    }
    return stdout;
  }
}
