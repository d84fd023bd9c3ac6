package io.trailcheck.engine.problem;

import io.trailcheck.engine.text.SafeText;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * Something wrong with an input a person can fix: where (file, line, column; 0 when unknown) and what.
 */
public record Problem(Path file, int line, int column, String message) {

    public static final Comparator<Problem> ORDER = Comparator
            .comparing((Problem p) -> p.file == null ? "" : p.file.toString())
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::message);

    public static Problem inFile(Path file, String message) {
        return new Problem(file, 0, 0, message);
    }

    /** {@code file:line:column: message}, leaving out what is unknown. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
                if (column > 0) sb.append(':').append(column);
            }
            sb.append(": ");
        }
        return SafeText.escape(sb.append(message).toString());
    }

    @Override
    public String toString() {
        return render();
    }
}
