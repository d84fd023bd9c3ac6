package io.trailcheck.cli.report;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The raw size that lets the SARIF writer skip gzipping really is safe, even for bytes that do not compress. */
class SarifGzipBoundTest {
    @Test
    void incompressibleBytesJustUnderTheBoundGzipWithinTheLimit() throws IOException {
        int largest = largestSizeThatFits();
        assertFalse(SarifLimits.fitsGzipped(largest + 1L));
        byte[] random = new byte[largest];
        new Random(15).nextBytes(random);
        long gzipped = gzippedSize(random);
        assertTrue(gzipped > largest, "random bytes grow when gzipped, so this tests the worst case: " + gzipped);
        assertTrue(gzipped <= SarifLimits.MAX_GZIPPED_BYTES, gzipped + " gzipped bytes from " + largest);
    }

    private static int largestSizeThatFits() {
        int low = 0;
        int high = (int) SarifLimits.MAX_GZIPPED_BYTES;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (SarifLimits.fitsGzipped(mid)) low = mid;
            else high = mid - 1;
        }
        return low;
    }

    private static long gzippedSize(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.size();
    }
}
