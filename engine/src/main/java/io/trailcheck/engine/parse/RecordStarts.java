package io.trailcheck.engine.parse;

/**
 * Finds, in raw UTF-8 bytes of a collection export, where a record seems to start: the text between two
 * records, {@code },} then {@code {} and the quoted name the first record opens with. Only a guess (the
 * same text may sit inside a string, or open a nested object): {@link CollectionParts} confirms it.
 */
final class RecordStarts {
    private RecordStarts() {
    }

    /** The quoted first field name of the object {@code head} opens with, e.g. {@code "id"}; null if none. */
    static byte[] firstKey(byte[] head, int maxLength) {
        int i = skipSpace(head, 1);
        if (head.length == 0 || head[0] != '{' || i >= head.length || head[i] != '"') return null;
        for (int j = i + 1; j < head.length && j - i <= maxLength; j++) {
            if (head[j] == '\\') return null;
            if (head[j] == '"') return java.util.Arrays.copyOfRange(head, i, j + 1);
        }
        return null;
    }

    /** The index of the first {@code {} in {@code bytes} that follows {@code },} and opens with {@code key}; -1 if none. */
    static int next(byte[] bytes, byte[] key) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '{' && opensWith(bytes, i, key) && followsRecord(bytes, i)) return i;
        }
        return -1;
    }

    private static boolean opensWith(byte[] bytes, int brace, byte[] key) {
        int k = skipSpace(bytes, brace + 1);
        if (k + key.length > bytes.length) return false;
        for (int j = 0; j < key.length; j++) if (bytes[k + j] != key[j]) return false;
        return true;
    }

    private static boolean followsRecord(byte[] bytes, int brace) {
        int i = skipSpaceBack(bytes, brace - 1);
        if (i < 0 || bytes[i] != ',') return false;
        i = skipSpaceBack(bytes, i - 1);
        return i >= 0 && bytes[i] == '}';
    }

    private static int skipSpace(byte[] bytes, int i) {
        while (i < bytes.length && isSpace(bytes[i])) i++;
        return i;
    }

    private static int skipSpaceBack(byte[] bytes, int i) {
        while (i >= 0 && isSpace(bytes[i])) i--;
        return i;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
