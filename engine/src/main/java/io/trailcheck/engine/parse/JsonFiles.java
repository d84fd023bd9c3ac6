package io.trailcheck.engine.parse;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.model.SourceLocation;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens JSON exports as streaming parsers that know their file, honour BOMs and enforce {@link ParseLimits}. */
public final class JsonFiles {
    private final JsonFactory factory;
    private final YAMLFactory yamlFactory;

    private final int maxStringLength;

    public JsonFiles(ParseLimits limits) {
        this.maxStringLength = limits.maxStringLength();
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxStringLength())
                .build();
        // duplicate fields are refused by DuplicateFieldCheck, which allocates nothing per object
        this.factory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .errorReportConfiguration(ERROR_REPORT)
                .build();
        this.yamlFactory = new LinearYamlFactory(YAMLFactory.builder()
                .loaderOptions(YamlFiles.loaderOptions(limits))
                .streamReadConstraints(constraints)
                .errorReportConfiguration(ERROR_REPORT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION));
    }

    /** Error messages quote at most a short excerpt of an unrecognised token and no raw content. */
    private static final ErrorReportConfiguration ERROR_REPORT = ErrorReportConfiguration.builder()
            .maxErrorTokenLength(16).maxRawContentLength(0).build();

    /** The longest string value accepted, for formats Jackson does not parse (XML). */
    public int maxStringLength() {
        return maxStringLength;
    }

    /** A streaming parser over a YAML file, with the same token locations and limits as JSON. */
    public JsonParser openYaml(Path file) throws IOException {
        return yamlFactory.createParser(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    /** Files up to this size are read whole and parsed from memory: one read, no stream buffer of their own. */
    private static final long READ_WHOLE_BYTES = 1 << 20;

    /** A parser over the file's bytes: Jackson detects UTF-8/16/32 and skips a byte-order mark. */
    public JsonParser open(Path file) throws IOException {
        if (Files.size(file) <= READ_WHOLE_BYTES) return new DuplicateFieldCheck(factory.createParser(Files.readAllBytes(file)));
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return new DuplicateFieldCheck(factory.createParser(in));
    }

    /** A parser over a stream (an archive entry); the caller bounds and closes it. */
    public JsonParser open(InputStream in) throws IOException {
        return factory.createParser(in);
    }

    /** A parser over a JSON document embedded as a string (Dataverse {@code configuration}). */
    public JsonParser openEmbedded(String json) throws IOException {
        return new DuplicateFieldCheck(factory.createParser(json));
    }

    public static SourceLocation here(Path file, JsonParser p) {
        JsonLocation l = p.currentTokenLocation();
        return SourceLocation.of(file, l.getLineNr(), l.getColumnNr());
    }

    public static Problem problem(Path file, JsonParser p, String message) {
        JsonLocation l = p.currentTokenLocation();
        return new Problem(file, l.getLineNr(), l.getColumnNr(), message);
    }

    /** Like {@link #problem(Path, JsonProcessingException)}, locating limit violations at the parser's position. */
    public static Problem problem(Path file, JsonProcessingException e, JsonParser p) {
        if (e.getLocation() != null) return problem(file, e);
        JsonLocation l = p.currentLocation();
        return new Problem(file, l.getLineNr(), l.getColumnNr(), problem(file, e).message());
    }

    /** Turns a parse failure into a located problem, without Jackson's source excerpt. */
    public static Problem problem(Path file, JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        String message = e.getOriginalMessage();
        int cut = message.indexOf("\n at [Source");
        if (cut >= 0) message = message.substring(0, cut);
        message = io.trailcheck.engine.text.SafeText.excerpt(message, 200);
        return l == null ? Problem.inFile(file, "malformed JSON: " + message)
                : new Problem(file, l.getLineNr(), l.getColumnNr(), "malformed JSON: " + message);
    }
}
