package io.trailcheck.engine.parse;

import com.fasterxml.jackson.core.JsonParser;
import io.trailcheck.model.SourceLocation;

import java.io.IOException;

/**
 * Receives the records of a JSON export one field at a time, so that no record and no file is ever held
 * as a generic tree.
 *
 * @param <R> the reader's own per-record accumulator
 */
public interface RecordReader<R> {

    /** A record object starts at {@code at}. */
    R start(SourceLocation at);

    /**
     * One field of the current record; the parser sits on the value's first token and the reader must
     * consume the whole value ({@link JsonValues#skip} for what it ignores).
     */
    void field(R record, String name, JsonParser parser) throws IOException;

    /** The record object is complete. */
    void end(R record);

    /** Receives one field; may throw as the parser does. */
    @FunctionalInterface
    interface FieldHandler<R> {
        void field(R record, String name, JsonParser parser) throws IOException;
    }

    /** A reader from its three steps. */
    static <R> RecordReader<R> of(java.util.function.Function<SourceLocation, R> start, FieldHandler<R> field,
                                  java.util.function.Consumer<R> end) {
        return new RecordReader<>() {
            @Override
            public R start(SourceLocation at) {
                return start.apply(at);
            }

            @Override
            public void field(R record, String name, JsonParser parser) throws IOException {
                field.field(record, name, parser);
            }

            @Override
            public void end(R record) {
                end.accept(record);
            }
        };
    }
}
