package io.streampipe.cli;

import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.PipelineDocument;
import io.streampipe.testkit.LocalStack;
import io.streampipe.testkit.SchemaRegistryServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The embedded default's servers: a local Kafka and Cassandra, and the testkit's schema registry
 * beside them when the pipeline reads Avro.
 */
public final class EmbeddedStack implements AutoCloseable {
  private final LocalStack servers;
  private final SchemaRegistryServer registry;

  private EmbeddedStack(LocalStack servers, SchemaRegistryServer registry) {
    this.servers = servers;
    this.registry = registry;
  }

  /** Starts what {@code document} needs, the registry in parallel with the other two. */
  public static EmbeddedStack start(PipelineDocument document) {
    CompletableFuture<SchemaRegistryServer> registry =
        readsAvro(document)
            ? CompletableFuture.supplyAsync(
                () -> new SchemaRegistryServer().start(),
                task -> new Thread(task, "start-schema-registry").start())
            : CompletableFuture.completedFuture(null);
    LocalStack servers;
    try {
      servers = LocalStack.start();
    } catch (RuntimeException e) {
      registry.handle((started, error) -> started).thenAccept(EmbeddedStack::stop).join();
      throw e;
    }
    try {
      return new EmbeddedStack(servers, registry.join());
    } catch (CompletionException e) {
      servers.close();
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  public static boolean readsAvro(PipelineDocument document) {
    return document.spec() != null
        && document.spec().getSource() != null
        && PipelineDefaults.FORMAT_AVRO.equals(document.spec().getSource().getFormat());
  }

  public LocalStack servers() {
    return servers;
  }

  /** The registry's Confluent-compatible API, or null when none was started. */
  public String registryUrl() {
    return registry == null ? null : registry.url();
  }

  /** What to point the pipeline at: these servers instead of the file's. */
  public ConnectionOptions connections() {
    return ConnectionOptions.of(
            servers.kafka().bootstrapServers(), servers.cassandra().contactPoint())
        .withRegistry(registryUrl());
  }

  /** One line naming the servers, for the user. */
  public String describe() {
    return "Kafka "
        + servers.kafka().bootstrapServers()
        + ", Cassandra "
        + servers.cassandra().contactPoint()
        + (registry == null ? "" : ", schema registry " + registry.url());
  }

  @Override
  public void close() {
    stop(registry);
    servers.close();
  }

  private static void stop(SchemaRegistryServer registry) {
    if (registry != null) {
      registry.stop();
    }
  }
}
