package io.trailcheck.collect;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThrottlingEstimateTest {
    @Test
    void aMillionUsersAreBoundByPageLatencyNotTheBudget() {
        ThrottlingEstimate e = ThrottlingEstimate.of(1_000_000, 40_000, 12);
        assertEquals(1_002 + 400 + 12 + 1, e.requests(), "1,000,000 / 999 per page: 1,002 pages");
        assertEquals(1_002 * 1 + 400 * 2 + 12 * 4 + 3, e.units());
        assertEquals(Duration.ofMillis(1_853 * 10_000 / 8_000), e.atLeast());
        assertEquals("estimate: 1,000,000 users, 40,000 groups, 12 restricted groups: about 1,415 requests, 1,853 throttling units; "
                + "Graph's budget allows it in no less than 2 s; at about a second a page, about 23 min 22 s", e.render());
    }

    @Test
    void smallTenantsHaveASmallerBudget() {
        assertEquals(Duration.ofMillis((1 + 2 + 4 * 3 + 3) * 10_000 / 3_500), ThrottlingEstimate.of(40, 10, 3).atLeast());
        assertEquals(Duration.ofMillis((1 + 2 + 4 * 3 + 3) * 10_000 / 5_000), ThrottlingEstimate.of(400, 10, 3).atLeast());
    }
}
