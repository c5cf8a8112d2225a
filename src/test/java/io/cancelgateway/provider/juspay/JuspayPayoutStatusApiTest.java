package io.cancelgateway.provider.juspay;

import static org.assertj.core.api.Assertions.assertThat;

import io.cancelgateway.model.Outcome;
import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.ProviderCredentials;
import io.cancelgateway.provider.ProviderRequest;
import io.cancelgateway.provider.ProviderStatusApi;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Juspay payout status call as built: the payout order, read with the cancel's headers. */
class JuspayPayoutStatusApiTest {

    private final JuspayPayoutApi api = new JuspayPayoutApi();
    private final ProviderStatusApi status = api.statusApi().orElseThrow();

    @Test
    void readsTheOrderHoldingTheFulfillmentWithItsFulfillmentsExpanded() {
        ProviderRequest request = status.statusRequest(new CancelTarget("ful_77", "m1", "ignored", "cust-7", "po_77"));

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/payout/merchant/v1/orders/po_77?expand=fulfillment");
        assertThat(request.headers()).containsExactly(Map.entry("x-merchantid", "m1"),
                Map.entry("x-routing-id", "cust-7"), Map.entry("Accept", "application/json"));
        assertThat(request.body()).isEmpty();
        assertThat(api.authHeaders(new ProviderCredentials("key", null)))
                .containsExactly(Map.entry("Authorization", "Basic a2V5Og=="));
        assertThat(api.signatureHeaders(request, new ProviderCredentials("key", null))).isEmpty();
    }

    @Test
    void encodesTheOrderIdAsOnePathSegmentSoItCannotChangeTheQuery() {
        assertThat(status.statusRequest(new CancelTarget("ful_1", "m1", null, "c1", "po#1?expand=x&y=/..")).path())
                .isEqualTo("/payout/merchant/v1/orders/po%231%3Fexpand%3Dx%26y%3D%2F..?expand=fulfillment");
    }

    @ParameterizedTest(name = "order {0}, merchant {1}, customer {2} -> {3}")
    @CsvSource(nullValues = "null", value = {
            "po_1, m1, c1, true",
            "null, m1, c1, false",
            "'  ', m1, c1, false",
            "po_1, null, c1, false",
            "po_1, m1, null, false",
            "po_1, m1, '', false"
    })
    void followsOnlyWithTheOrderTheMerchantAndTheCustomer(String order, String merchant, String customer,
            boolean followable) {
        assertThat(status.canFollow(new CancelTarget("ful_1", merchant, null, customer, order))).isEqualTo(followable);
    }

    @Test
    void findsTheRequestsFulfillmentInTheAnswer() {
        String body = """
                {"orderId":"po_77","fulfillments":[{"id":"ful_76","status":"SUCCESS"},
                {"id":"ful_77","status":"CANCELLED","updatedAt":"2025-01-16T08:12:02Z"}]}""";

        assertThat(status.translateStatus(new CancelTarget("ful_77", "m1", null, "c1", "po_77"), 200, body).outcome())
                .isEqualTo(Outcome.CANCELLED);
        assertThat(status.translateStatus(new CancelTarget("ful_76", "m1", null, "c1", "po_77"), 200, body).outcome())
                .isEqualTo(Outcome.REJECTED);
    }
}
