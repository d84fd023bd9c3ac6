package io.trailcheck.collect.http;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts pages, records and throttled waits; on a terminal, redraws one status line on standard error
 * (at most five times a second). Never prints anything else, and never a URL with a token or a header.
 */
public final class Progress {
    private final PrintWriter terminal;
    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong waitedMillis = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private volatile long lastDrawn;

    private Progress(PrintWriter terminal) {
        this.terminal = terminal;
    }

    /** Draws on {@code err} only when it is a terminal. */
    public static Progress on(PrintWriter err, boolean isTerminal) {
        return new Progress(isTerminal ? err : null);
    }

    public static Progress silent() {
        return new Progress(null);
    }

    public void page(long recordCount) {
        pages.incrementAndGet();
        records.addAndGet(recordCount);
        draw(false);
    }

    public void throttled(Duration wait) {
        throttled.incrementAndGet();
        waitedMillis.addAndGet(wait.toMillis());
        draw(true);
    }

    public void retried() {
        retries.incrementAndGet();
        draw(true);
    }

    public long pages() {
        return pages.get();
    }

    public long records() {
        return records.get();
    }

    public long throttledCount() {
        return throttled.get();
    }

    public long retriedCount() {
        return retries.get();
    }

    /** One line: pages, records, throttled waits. */
    public String line() {
        return String.format("%,d pages, %,d records, %d throttled (waited %d s), %d retried",
                pages.get(), records.get(), throttled.get(), waitedMillis.get() / 1000, retries.get());
    }

    /** Clears the status line before other output. */
    public void finish() {
        if (terminal != null) {
            synchronized (this) {
                terminal.print("\r\033[K");
                terminal.flush();
            }
        }
    }

    private void draw(boolean force) {
        if (terminal == null) return;
        long now = System.nanoTime();
        if (!force && now - lastDrawn < 200_000_000L) return;
        lastDrawn = now;
        synchronized (this) {
            terminal.print("\r\033[Kcollecting: " + line());
            terminal.flush();
        }
    }
}
