package io.trailcheck.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailcheck.cli.report.html.ResultDocument;
import io.trailcheck.engine.parse.JsonFiles;
import io.trailcheck.engine.problem.InputException;
import io.trailcheck.engine.problem.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the {@code --json} results that {@code report} merges. Each is checked as it is read: a file that
 * is not a trailcheck result of a known format version, or is larger than {@link #MAX_BYTES}, is an input
 * error located at the offending value.
 */
final class ResultFiles {
    /** A million-user tenant's result is about 150 MB; anything far larger is not one. */
    static final long MAX_BYTES = 512L * 1024 * 1024;
    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResultFiles() {}

    static ResultDocument load(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InputException(Problem.inFile(file, "result is " + size + " bytes, more than the " + MAX_BYTES + " a trailcheck --json result can be"));
            }
            return new ResultDocument(parse(file), label(file));
        } catch (JsonProcessingException e) {
            throw new InputException(JsonFiles.problem(file, e));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(Problem.inFile(file, "no such file"));
        } catch (IOException e) {
            throw new InputException(Problem.inFile(file, "cannot read result: " + e.getMessage()));
        }
    }

    private static ObjectNode parse(Path file) throws IOException {
        try (JsonParser p = MAPPER.getFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw located(file, p, "not a trailcheck --json result: expected a JSON object");
            ObjectNode root = MAPPER.createObjectNode();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("tool") && !"trailcheck".equals(p.getValueAsString())) {
                    throw located(file, p, "not a trailcheck --json result: tool is " + p.getText());
                }
                if (name.equals("formatVersion") && p.getValueAsInt(-1) != FORMAT_VERSION) {
                    throw located(file, p, "unsupported result formatVersion " + p.getText() + " (this trailcheck reads " + FORMAT_VERSION + ")");
                }
                JsonNode value = p.readValueAsTree();
                root.set(name, value);
            }
            if (p.nextToken() != null) throw located(file, p, "unexpected content after the result object");
            for (String required : new String[]{"tool", "formatVersion", "summary", "findings"}) {
                if (!root.has(required)) throw new InputException(new Problem(file, 1, 1, "not a trailcheck --json result: no \"" + required + "\" field"));
            }
            return root;
        }
    }

    private static InputException located(Path file, JsonParser p, String message) {
        return new InputException(JsonFiles.problem(file, p, message));
    }

    /** The file name without .json: names the tenant when its result does not. */
    private static String label(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }
}
