package io.cancelgateway.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CancelledWordingTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "Order already cancelled | true",
            "payment is ALREADY   CANCELED | true",
            "order status is cancelled | true",
            "status: cancelled | true",
            "status =  canceled | true",
            "status cancelled | true",
            "Order cannot be cancelled | false",
            "status is processing | false",
            "cancelled | false",
            "statuses cancelled | false",
    })
    void tellsAlreadyCancelledFromCannotBeCancelled(String message, boolean alreadyCancelled) {
        assertThat(CancelledWording.statesAlreadyCancelled(message)).isEqualTo(alreadyCancelled);
    }

    @Test
    void aLongRunOfBlanksInAProvidersMessageIsReadInLinearTime() {
        // Backtracking through two runs of blanks took minutes for this; the wait is for a hung thread, not a speed.
        String hostile = "status" + " ".repeat(1_000_000) + "x";

        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThat(CancelledWording.statesAlreadyCancelled(hostile)).isFalse());
    }
}
