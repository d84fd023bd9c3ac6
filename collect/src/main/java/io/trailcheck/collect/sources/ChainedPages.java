package io.trailcheck.collect.sources;

import io.trailcheck.collect.CollectException;
import io.trailcheck.collect.files.AtomicFile;
import io.trailcheck.collect.files.PageFile;
import io.trailcheck.collect.http.Call;
import io.trailcheck.collect.http.Http;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A collection followed through {@code @odata.nextLink}, each page saved as it came into its own numbered
 * file ({@code users-1.json}, {@code users-2.json}, …). Resumable: a rerun keeps the pages already saved and
 * continues from the next link of the last one; a collection whose last page has no next link is complete.
 */
public final class ChainedPages {
    private final Http http;

    public ChainedPages(Http http) {
        this.http = http;
    }

    /** What a run did: pages fetched now and pages kept from an earlier run. */
    public record Outcome(int fetched, int kept) {}

    public Outcome collect(Call first, Path folder, String prefix) {
        int kept = 0;
        URI next = first.uri();
        while (Files.exists(page(folder, prefix, kept + 1))) {
            kept++;
            String link = PageFile.summary(page(folder, prefix, kept)).nextLink();
            if (link == null) return new Outcome(0, kept);
            next = URI.create(link);
        }
        int fetched = 0;
        for (int n = kept + 1; next != null; n++) {
            Path target = page(folder, prefix, n);
            Path part = AtomicFile.prepare(target);
            PageFile.Summary summary;
            try {
                http.send(first.at(checkedNext(first.uri(), next)), part);
                summary = PageFile.summary(part);
                AtomicFile.commit(part, target);
            } finally {
                AtomicFile.discard(part);
            }
            http.progress().page(summary.records());
            fetched++;
            next = summary.nextLink() == null ? null : URI.create(summary.nextLink());
        }
        return new Outcome(fetched, kept);
    }

    static Path page(Path folder, String prefix, int n) {
        return folder.resolve(prefix + "-" + n + ".json");
    }

    /** A next link must stay on the host the collection started on: the token is never sent elsewhere. */
    static URI checkedNext(URI first, URI next) {
        if (!next.isAbsolute() || !same(first.getScheme(), next.getScheme()) || !same(first.getAuthority(), next.getAuthority())) {
            throw new CollectException("the server returned an @odata.nextLink to another host (" + Http.safe(next)
                    + "); refusing to send the token there");
        }
        return next;
    }

    private static boolean same(String a, String b) {
        return a != null && a.equalsIgnoreCase(b);
    }
}
