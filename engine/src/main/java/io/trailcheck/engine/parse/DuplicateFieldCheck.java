package io.trailcheck.engine.parse;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Refuses a field met twice in one JSON object, as Jackson's {@code STRICT_DUPLICATE_DETECTION} does, but
 * without a hash set per object: Jackson's detector builds one for every object of more than two fields,
 * which was a quarter of all allocation when reading a users export (a user, and each of its plans, is
 * such an object). Each nesting level keeps the names it has seen in an array reused from object to
 * object; the parser hands out canonical names, so most comparisons end at identity. An object with many
 * fields switches to a set, so hostile input stays linear.
 */
final class DuplicateFieldCheck extends JsonParserDelegate {
    private static final int SCANNED = 16;

    private String[][] names = new String[8][];
    private int[] counts = new int[8];
    private Set<String>[] many = newSets(8);
    /** The innermost open object's level, -1 outside any. */
    private int level = -1;

    DuplicateFieldCheck(JsonParser parser) {
        super(parser);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken t = delegate.nextToken();
        if (t == JsonToken.FIELD_NAME) seen(delegate.currentName());
        else if (t == JsonToken.START_OBJECT) open();
        else if (t == JsonToken.END_OBJECT) level--;
        return t;
    }

    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken t = nextToken();
        return t == JsonToken.FIELD_NAME ? nextToken() : t;
    }

    /** Skips through {@link #nextToken()} so that skipped objects are checked too, as they were before. */
    @Override
    public JsonParser skipChildren() throws IOException {
        if (!delegate.hasToken(JsonToken.START_OBJECT) && !delegate.hasToken(JsonToken.START_ARRAY)) return this;
        int open = 1;
        while (open > 0) {
            JsonToken t = nextToken();
            if (t == null) return this;
            if (t.isStructStart()) open++;
            else if (t.isStructEnd()) open--;
        }
        return this;
    }

    private void open() {
        level++;
        if (level == names.length) {
            names = Arrays.copyOf(names, level * 2);
            counts = Arrays.copyOf(counts, level * 2);
            many = Arrays.copyOf(many, level * 2);
        }
        counts[level] = 0;
        many[level] = null;
    }

    private void seen(String name) throws JsonParseException {
        if (level < 0) return;
        Set<String> set = many[level];
        if (set != null) {
            if (!set.add(name)) duplicate(name);
            return;
        }
        String[] seen = names[level];
        int n = counts[level];
        for (int i = 0; i < n; i++) if (seen[i] == name || seen[i].equals(name)) duplicate(name);
        if (n == SCANNED) {
            set = new HashSet<>(Arrays.asList(seen));
            set.add(name);
            many[level] = set;
            return;
        }
        if (seen == null) seen = names[level] = new String[SCANNED];
        seen[n] = name;
        counts[level] = n + 1;
    }

    private void duplicate(String name) throws JsonParseException {
        throw new JsonParseException(this, "Duplicate field '" + name + "'", delegate.currentTokenLocation());
    }

    @SuppressWarnings("unchecked")
    private static Set<String>[] newSets(int n) {
        return new Set[n];
    }
}
