package io.trailcheck.collect.sources;

import io.trailcheck.collect.files.AtomicFile;
import io.trailcheck.collect.files.PageArrayFile;
import io.trailcheck.collect.files.PageFile;
import io.trailcheck.collect.http.Call;
import io.trailcheck.collect.http.Http;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A collection whose file name has no page number ({@code bots.json}): every page, as it came, into one
 * array file, which appears only when the last page is in. A rerun keeps a complete file.
 */
public final class PagesInOneFile {
    private final Http http;

    public PagesInOneFile(Http http) {
        this.http = http;
    }

    /** True when the file was fetched now, false when kept from an earlier run. */
    public boolean collect(Call first, Path target) {
        if (Files.exists(target)) return false;
        Path pagePart = AtomicFile.partOf(target).resolveSibling("." + target.getFileName() + ".page");
        try (PageArrayFile file = new PageArrayFile(target)) {
            URI next = first.uri();
            while (next != null) {
                http.send(first.at(ChainedPages.checkedNext(first.uri(), next)), pagePart);
                PageFile.Summary summary = PageFile.summary(pagePart);
                file.append(pagePart);
                http.progress().page(summary.records());
                next = summary.nextLink() == null ? null : URI.create(summary.nextLink());
            }
            file.commit();
        } finally {
            AtomicFile.discard(pagePart);
        }
        return true;
    }
}
