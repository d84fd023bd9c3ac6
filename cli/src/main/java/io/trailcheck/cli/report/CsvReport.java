package io.trailcheck.cli.report;

import io.trailcheck.engine.scan.ReportedFinding;
import io.trailcheck.model.AffectedUsers;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** One row per affected user per finding (one row with empty user columns when a finding names no user). */
final class CsvReport implements ReportWriter {
    private static final List<String> HEADER = List.of("ruleId", "level", "exempt", "agent", "entity", "file", "line",
            "userId", "userPrincipalName", "reason", "fingerprint", "message", "asOf");

    @Override
    public void write(ReportContext ctx, Writer out) throws IOException {
        row(out, HEADER);
        for (ReportedFinding f : ctx.result().findings()) {
            List<AffectedUsers.User> users = f.finding().getAffected().list();
            if (users.isEmpty()) {
                row(out, columns(ctx, f, null));
            } else {
                for (AffectedUsers.User u : users) row(out, columns(ctx, f, u));
            }
        }
    }

    private static List<String> columns(ReportContext ctx, ReportedFinding f, AffectedUsers.User u) {
        var fin = f.finding();
        return List.of(f.ruleId(), f.level().id(), Boolean.toString(f.isExempt()), fin.getAgent() == null ? "" : fin.getAgent(),
                fin.getEntity().kind() + ":" + fin.getEntity().key(), Paths.relative(ctx.sourceRoot(), fin.getLocation().file()),
                Integer.toString(fin.getLocation().line()), u == null ? "" : u.id(),
                u == null || u.userPrincipalName() == null ? "" : u.userPrincipalName(), u == null ? "" : u.reason(),
                f.fingerprint(), f.message(), ctx.asOf().toString());
    }

    private static void row(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.write(',');
            out.write(quote(cells.get(i)));
        }
        out.write("\r\n");
    }

    /**
     * Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection): = + - @, TAB and CR,
     * and their full-width forms, which some spreadsheets fold to ASCII.
     */
    private static final String FORMULA_STARTS = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";

    /** RFC 4180 quoting; a cell starting like a formula is prefixed with ' so spreadsheets show it as text. */
    static String quote(String cell) {
        String c = cell;
        if (!c.isEmpty() && FORMULA_STARTS.indexOf(c.charAt(0)) >= 0) c = "'" + c;
        if (c.indexOf(',') < 0 && c.indexOf('"') < 0 && c.indexOf('\n') < 0 && c.indexOf('\r') < 0) return c;
        return '"' + c.replace("\"", "\"\"") + '"';
    }
}
