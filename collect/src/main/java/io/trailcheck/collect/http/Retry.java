package io.trailcheck.collect.http;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a request again. A {@code Retry-After} header (seconds or an HTTP date) is honoured; without
 * one the wait doubles from {@code base} up to {@code cap}, with jitter so parallel workers do not retry in step
 * (Graph's throttling guidance: learn.microsoft.com/graph/throttling). {@code pace} scales every wait (1 in
 * real runs; tests use a small fraction so a 429 costs milliseconds).
 */
public record Retry(int maxAttempts, Duration base, Duration cap, double pace) {
    public static final Retry STANDARD = new Retry(8, Duration.ofSeconds(1), Duration.ofSeconds(60), 1.0);

    public Retry {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts < 1");
    }

    public boolean mayRetry(int attempt) {
        return attempt < maxAttempts;
    }

    /** The wait before attempt {@code attempt + 1}. */
    public Duration delay(Optional<String> retryAfter, int attempt) {
        Duration wait = retryAfter.flatMap(Retry::parseRetryAfter).orElseGet(() -> backoff(attempt));
        return Duration.ofNanos((long) (wait.toNanos() * pace));
    }

    private Duration backoff(int attempt) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
        long jittered = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    static Optional<Duration> parseRetryAfter(String value) {
        String v = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
