package io.trailcheck.engine.parse;

import com.fasterxml.jackson.core.JsonParser;

/**
 * Consulted where a record (or a page of records) may start, with the parser on its START_OBJECT: whether
 * reading ends before it. Lets {@link CollectionParts} end one part of a file where the next begins.
 */
@FunctionalInterface
public interface RecordBoundary {
    RecordBoundary NONE = p -> false;

    boolean stopsBefore(JsonParser parser);
}
