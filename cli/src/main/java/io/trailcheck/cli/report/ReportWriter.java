package io.trailcheck.cli.report;

import java.io.IOException;
import java.io.Writer;

/** Renders a closed scan result in one format. */
public interface ReportWriter {
    void write(ReportContext context, Writer out) throws IOException;
}
