package io.trailcheck.cli.report;

import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.trailcheck.cli.report.html.HtmlPage;
import io.trailcheck.cli.report.html.ResultDocument;
import io.trailcheck.cli.report.html.ViewOptions;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One self-contained HTML page for people. Drawn from the same document {@code --json} writes, so that
 * {@code scan --html} and {@code report --html} show a result the same way.
 */
final class HtmlReport implements ReportWriter {

    @Override
    public void write(ReportContext ctx, Writer out) throws IOException {
        TokenBuffer json = new TokenBuffer(Json.MAPPER, false);
        JsonReport.write(ctx, json);
        ResultDocument doc = new ResultDocument(Json.MAPPER.readTree(json.asParser()), "");
        HtmlPage.write(List.of(doc), new ViewOptions(ctx.showNames(), ctx.linkBase()), out);
    }
}
