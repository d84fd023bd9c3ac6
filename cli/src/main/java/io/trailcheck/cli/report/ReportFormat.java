package io.trailcheck.cli.report;

import java.util.function.Supplier;

/** The report formats, one registry for --format, the --FORMAT FILE options and help. */
public enum ReportFormat {
    TEXT(TextReport::new),
    JSON(JsonReport::new),
    SARIF(SarifReport::new),
    MARKDOWN(MarkdownReport::new),
    CSV(CsvReport::new),
    HTML(HtmlReport::new);

    private final Supplier<ReportWriter> factory;

    ReportFormat(Supplier<ReportWriter> factory) {
        this.factory = factory;
    }

    public ReportWriter writer() {
        return factory.get();
    }
}
