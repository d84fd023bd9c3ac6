package io.trailcheck.cli.kql;

import java.io.IOException;
import java.io.Writer;

/**
 * A {@link Prediction} as one CSV file (RFC 4180), for a Sentinel watchlist (search key {@code Key}) or an
 * externaldata blob, when it is too large for the query: one row per agent, per channel that leaves no
 * record, and per user whose conversations leave none.
 */
public final class PredictionFile {
    public static final String HEADER = "Kind,Key,Channel,DisplayName,Cause";

    private PredictionFile() {}

    public static void write(Prediction prediction, Writer out) throws IOException {
        row(out, "Kind", "Key", "Channel", "DisplayName", "Cause");
        for (Prediction.AgentPrediction a : prediction.agents()) row(out, "agent", a.schemaName(), "", a.displayName(), a.causes());
        for (Prediction.ChannelPrediction c : prediction.channels()) row(out, "channel", c.schemaName(), c.channel(), "", c.cause());
        for (Prediction.UserPrediction u : prediction.users()) row(out, "user", u.key(), "", "", u.cause());
    }

    private static void row(Writer out, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) out.write(',');
            out.write(cell(cells[i]));
        }
        out.write("\r\n");
    }

    /** Quoted only when it must be; a key is written as it is, or it would no longer match. */
    static String cell(String value) {
        boolean plain = value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return plain ? value : '"' + value.replace("\"", "\"\"") + '"';
    }
}
