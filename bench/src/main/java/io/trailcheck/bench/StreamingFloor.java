package io.trailcheck.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floor: a plain streaming parse of every JSON and YAML file of a snapshot, touching each token and
 * building nothing. No scanner can read the same files faster.
 */
public final class StreamingFloor {
    private StreamingFloor() {}

    public static void main(String[] args) throws IOException {
        long tokens = parse(Path.of(args[0]));
        System.out.println("tokens=" + tokens);
    }

    static long parse(Path root) throws IOException {
        JsonFactory json = new JsonFactory();
        YAMLFactory yaml = new YAMLFactory();
        long tokens = 0;
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            JsonFactory factory = name.endsWith(".json") ? json : name.endsWith(".yml") ? yaml : null;
            if (factory == null) continue;
            try (JsonParser p = factory.createParser(f.toFile())) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    if (t == JsonToken.VALUE_STRING) p.getText();
                    tokens++;
                }
            }
        }
        return tokens;
    }
}
