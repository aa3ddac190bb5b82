package io.streampipe.job.validate;

import java.io.Serializable;

/**
 * One broken rule of a record.
 *
 * @param field the field it concerns, or null when the record as a whole is unreadable
 */
public record Failure(Rule rule, String field, String message) implements Serializable {}
