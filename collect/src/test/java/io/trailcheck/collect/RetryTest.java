package io.trailcheck.collect;

import io.trailcheck.collect.http.Retry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryTest {
    @Test
    void retryAfterInSecondsOrAsADateIsHonoured() {
        assertEquals(Duration.ofSeconds(10), Retry.STANDARD.delay(Optional.of("10"), 1));
        String inAMinute = ZonedDateTime.now().plusSeconds(60).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Retry.STANDARD.delay(Optional.of(inAMinute), 1);
        assertTrue(d.toSeconds() >= 58 && d.toSeconds() <= 60, d.toString());
    }

    @Test
    void withoutRetryAfterTheWaitDoublesWithJitterUpToTheCap() {
        for (int attempt = 1; attempt <= 10; attempt++) {
            long ceiling = Math.min(60_000, 1_000L << (attempt - 1));
            long wait = Retry.STANDARD.delay(Optional.empty(), attempt).toMillis();
            assertTrue(wait >= ceiling / 2 && wait <= ceiling, "attempt " + attempt + ": " + wait);
        }
        assertTrue(Retry.STANDARD.delay(Optional.of("garbage"), 1).toMillis() <= 1_000, "an unreadable Retry-After falls back to backoff");
    }
}
