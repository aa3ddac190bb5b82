package io.streampipe.operator.render;

import io.streampipe.api.InvalidDocumentException;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.operator.OperatorConfig;
import io.streampipe.operator.StreamingPipeline;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code streampipe render -f pipeline.yaml [--namespace ns] [--kafka-cluster name]}: prints what
 * the operator would create for a pipeline, from the same desired-state code, with no cluster. It
 * runs in the operator's JVM (fabric8's Jackson), so it is its own picocli command rather than a
 * subcommand of the CLI's.
 */
@Command(
    name = "streampipe render",
    mixinStandardHelpOptions = true,
    versionProvider = RenderMain.Version.class,
    description =
        "Print the Kubernetes resources the operator would create for a StreamingPipeline, with no"
            + " cluster; exit 1 and list every problem if it is invalid.")
public final class RenderMain implements Callable<Integer> {
  @Option(
      names = {"-f", "--file"},
      required = true,
      description = "The StreamingPipeline YAML file.")
  Path file;

  @Option(
      names = {"-n", "--namespace"},
      description = "Namespace of the resources (default: the file's, else default).")
  String namespace;

  @Option(
      names = "--kafka-cluster",
      description =
          "The operator's default Strimzi cluster, for a pipeline that names no Kafka itself.")
  String kafkaCluster;

  private final PrintStream out;
  private final PrintStream err;

  private RenderMain(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    // System.out prints in the locale's charset, ASCII when LANG is unset; specs hold any text.
    System.exit(run(args, utf8(FileDescriptor.out), utf8(FileDescriptor.err)));
  }

  private static PrintStream utf8(FileDescriptor fd) {
    return new PrintStream(new FileOutputStream(fd), true, StandardCharsets.UTF_8);
  }

  /** Renders and returns the exit code: 0, 1 for an invalid pipeline, 2 for bad usage. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return new CommandLine(new RenderMain(out, err))
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }

  @Override
  public Integer call() {
    OperatorConfig config = OperatorConfig.fromEnv(System.getenv());
    if (kafkaCluster != null) {
      config = config.withDefaultKafkaCluster(kafkaCluster);
    }
    try {
      PipelineDocument document = PipelineDocuments.read(file);
      String ns = namespace != null ? namespace : document.namespace();
      StreamingPipeline pipeline =
          new StreamingPipeline(ns == null ? "default" : ns, document.name(), document.spec());
      return Renderer.render(pipeline, config, out, err);
    } catch (InvalidDocumentException e) {
      err.println(e.getMessage());
      return 1;
    }
  }

  /** The operator's version, as the jar's manifest gives it. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = RenderMain.class.getPackage().getImplementationVersion();
      return new String[] {"streampipe render " + (version == null ? "(development)" : version)};
    }
  }
}
