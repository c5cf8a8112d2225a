package io.cancelgateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.cancelgateway.simulator.PayoutSchedule.ScheduledCancel;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PayoutScheduleTest {

    private static final Instant AT = Instant.parse("2026-05-13T03:44:00Z");

    private final PayoutSchedule schedule = new PayoutSchedule(1_000);

    @Test
    void listsACustomersScheduledCancelsOldestFirstWithTheirFirstTime() {
        schedule.schedule("m1", "cust-1", "ful-1", AT);
        schedule.schedule("m1", "cust-1", "ful-2", AT.plusSeconds(1));
        schedule.schedule("m1", "cust-1", "ful-1", AT.plusSeconds(2));

        assertThat(schedule.of("m1", "cust-1")).containsExactly(
                new ScheduledCancel("ful-1", AT), new ScheduledCancel("ful-2", AT.plusSeconds(1)));
    }

    @Test
    void keepsMerchantsAndCustomersApart() {
        schedule.schedule("m1", "cust-1", "ful-1", AT);

        assertThat(schedule.of("m1", "cust-2")).isEmpty();
        assertThat(schedule.of("m2", "cust-1")).isEmpty();
        assertThat(schedule.of("m1", "cust-1")).hasSize(1);
    }

    @Test
    void keepsTheMostRecentHundredPerCustomer() {
        for (int i = 0; i < PayoutSchedule.PER_CUSTOMER + 5; i++) {
            schedule.schedule("m1", "cust-1", "ful-" + i, AT.plusSeconds(i));
        }

        assertThat(schedule.of("m1", "cust-1")).hasSize(PayoutSchedule.PER_CUSTOMER)
                .first().isEqualTo(new ScheduledCancel("ful-5", AT.plusSeconds(5)));
    }

    @Test
    void forgetsTheCustomersLeastRecentlyUsedBeyondItsCapacity() {
        PayoutSchedule small = new PayoutSchedule(3);
        small.schedule("m1", "cust-1", "ful-1", AT);
        small.schedule("m1", "cust-2", "ful-2", AT);
        small.schedule("m1", "cust-2", "ful-3", AT);
        small.of("m1", "cust-1");
        small.schedule("m1", "cust-3", "ful-4", AT);

        assertThat(small.of("m1", "cust-2")).as("least recently used").isEmpty();
        assertThat(small.of("m1", "cust-1")).extracting(ScheduledCancel::fulfillmentId).containsExactly("ful-1");
        assertThat(small.of("m1", "cust-3")).extracting(ScheduledCancel::fulfillmentId).containsExactly("ful-4");
    }

    @Test
    void neverHoldsMoreThanItsCapacityForOneCustomer() {
        PayoutSchedule small = new PayoutSchedule(2);
        for (int i = 0; i < 5; i++) {
            small.schedule("m1", "cust-1", "ful-" + i, AT);
        }

        assertThat(small.of("m1", "cust-1")).extracting(ScheduledCancel::fulfillmentId)
                .containsExactly("ful-3", "ful-4");
    }

    @Test
    void refusesACapacityBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PayoutSchedule(0));
    }
}
