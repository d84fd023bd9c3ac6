package io.trailcheck.engine.parse;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

import java.io.IOException;
import java.io.Reader;

/**
 * SnakeYAML's {@link StreamReader}, behaving the same, with a look-ahead window that grows geometrically.
 * The original copies its whole window for every 1,024 characters it reads ahead, so a single long token
 * (a 20-million-character comment line) takes quadratic time; here each character is copied a bounded
 * number of times. Every public method is overridden; the superclass's own state is never used.
 */
final class LinearStreamReader extends StreamReader {
    private static final String NAME = "'reader'";
    private static final int CHUNK = 8192;

    private final Reader stream;
    private final char[] buffer = new char[CHUNK + 1];
    private int[] window = new int[2 * CHUNK];
    private int length;
    private int pointer;
    private boolean eof;
    private int index;
    private int documentIndex;
    private int line;
    private int column;

    LinearStreamReader(Reader stream) {
        super(stream);
        this.stream = stream;
    }

    @Override
    public Mark getMark() {
        return new Mark(NAME, index, line, column, window, pointer);
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int n) {
        for (int i = 0; i < n && ensure(0); i++) {
            int c = window[pointer++];
            index++;
            documentIndex++;
            if (Constant.LINEBR.has(c) || c == '\r' && ensure(0) && window[pointer] != '\n') {
                line++;
                column = 0;
            } else if (c != 0xFEFF) {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        return ensure(0) ? window[pointer] : '\0';
    }

    @Override
    public int peek(int k) {
        return ensure(k) ? window[pointer + k] : '\0';
    }

    @Override
    public String prefix(int n) {
        if (n == 0) return "";
        return ensure(n) ? new String(window, pointer, n) : new String(window, pointer, Math.min(n, length - pointer));
    }

    @Override
    public String prefixForward(int n) {
        String prefix = prefix(n);
        pointer += n;
        index += n;
        documentIndex += n;
        column += n; // a prefix never holds a line break
        return prefix;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        return index;
    }

    @Override
    public int getLine() {
        return line;
    }

    private boolean ensure(int k) {
        while (!eof && pointer + k >= length) update();
        return pointer + k < length;
    }

    private void update() {
        try {
            int read = stream.read(buffer, 0, CHUNK);
            if (read <= 0) {
                eof = true;
                return;
            }
            if (Character.isHighSurrogate(buffer[read - 1])) {
                if (stream.read(buffer, read, 1) == -1) {
                    throw new ReaderException(NAME, index + read, buffer[read - 1], "The last char is HighSurrogate (no LowSurrogate detected)");
                }
                read++;
            }
            makeRoom(read);
            for (int i = 0; i < read; ) {
                int c = Character.codePointAt(buffer, i, read);
                if (!isPrintable(c)) {
                    throw new ReaderException(NAME, index + length - pointer, c, "special characters are not allowed");
                }
                window[length++] = c;
                i += Character.charCount(c);
            }
        } catch (IOException e) {
            throw new YAMLException(e);
        }
    }

    /**
     * Room for {@code n} more code points: the unread part moves to the front, into a window twice as large
     * when it fills more than half, so each code point is moved a bounded number of times on average.
     */
    private void makeRoom(int n) {
        if (length + n <= window.length) return;
        int live = length - pointer;
        int[] target = live + n > window.length / 2 ? new int[Math.max(window.length * 2, live + n)] : window;
        System.arraycopy(window, pointer, target, 0, live);
        window = target;
        length = live;
        pointer = 0;
    }
}
