package io.trailcheck.cli.kql;

import java.io.IOException;
import java.io.Writer;

/**
 * The users of a {@link Prediction} as CSV (RFC 4180), for a Sentinel watchlist (search key {@code UserKey})
 * or an externaldata blob: {@code UserKey,UserCause}, one row per user.
 */
public final class UserListFile {
    public static final String HEADER = "UserKey,UserCause";

    private UserListFile() {}

    public static void write(Prediction prediction, Writer out) throws IOException {
        out.write(HEADER);
        out.write("\r\n");
        for (Prediction.UserPrediction u : prediction.users()) {
            out.write(cell(u.key()));
            out.write(',');
            out.write(cell(u.cause()));
            out.write("\r\n");
        }
    }

    /** Quoted only when it must be; a key is written as it is, or it would no longer match. */
    static String cell(String value) {
        boolean plain = value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return plain ? value : '"' + value.replace("\"", "\"\"") + '"';
    }
}
