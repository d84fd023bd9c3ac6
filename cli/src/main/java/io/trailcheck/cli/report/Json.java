package io.trailcheck.cli.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/** Shared JSON output: stable two-space indentation, LF line ends. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

    private Json() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static void write(ObjectNode root, Writer out) throws IOException {
        MAPPER.writer(printer()).writeValue(out, root);
        out.write("\n");
    }

    /** A pretty-printing generator that leaves {@code out} open. */
    static JsonGenerator generator(Writer out) throws IOException {
        return MAPPER.getFactory().createGenerator(out).setPrettyPrinter(printer());
    }

    /** A pretty-printing UTF-8 generator that leaves {@code out} open. */
    static JsonGenerator generator(OutputStream out) throws IOException {
        return MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8).setPrettyPrinter(printer());
    }

    private static DefaultPrettyPrinter printer() {
        return new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    }
}
