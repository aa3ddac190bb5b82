package io.streampipe.provisioning.registry;

/**
 * One version of a subject as the registry holds it.
 *
 * @param schema the Avro schema's JSON
 */
public record RegisteredSchema(String subject, int id, int version, String schema) {}
