package io.cancelgateway.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cancelgateway.model.Outcome;
import io.cancelgateway.model.SyncState;

class PlanSyncTest {

    @ParameterizedTest(name = "{0}, followable {1}: {2}")
    @CsvSource({
            "PENDING, true, FOLLOWING", "PENDING, false, NOT_FOLLOWED",
            "ERROR, true, FOLLOWING", "ERROR, false, NOT_FOLLOWED",
            "AUTH_FAILED, true, NOT_FOLLOWED", "AUTH_FAILED, false, NOT_FOLLOWED",
            "CANCELLED, true, FINAL", "ALREADY_CANCELLED, false, FINAL", "REJECTED, true, FOLLOWING", "REJECTED, false, FINAL",
            "NOT_FOUND, false, FINAL", "INVALID, false, FINAL" })
    void aNewResultIsFollowedOnlyWhenItMayStillChangeAndItsProviderCanFollowIt(Outcome outcome, boolean followable,
            SyncState state) {
        assertThat(PlanSync.stateOf(outcome, followable)).isEqualTo(state);
    }
}
