package io.cancelgateway.simulator;

import static io.cancelgateway.simulator.JuspayOrderSimulatorTest.unique;
import static io.cancelgateway.simulator.SimulatorServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimulatedCallsEndpointTest {

    private static SimulatorServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SimulatorServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void countsCancelAndStatusCallsPerProviderAndReference() throws Exception {
        String ref = unique("flaky-");
        for (int call = 0; call < 3; call++) {
            server.post("/simulator/hyperswitch/payments/" + ref + "/cancel", "{}",
                    "api-key", SimulatorServer.HYPERSWITCH_KEY);
        }
        server.get("/simulator/hyperswitch/payments/" + ref, "api-key", SimulatorServer.HYPERSWITCH_KEY);

        HttpResponse<String> response = server.get("/simulator/calls?provider=hyperswitch&reference=" + ref);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"calls\":3,\"status_calls\":1}");
        assertThat(server.calls("kwikpaisa", ref)).isZero();
    }

    @Test
    void answersZeroForAReferenceNeverCalled() throws Exception {
        assertThat(server.get("/simulator/calls?provider=juspay-order&reference=never").body())
                .isEqualTo("{\"calls\":0,\"status_calls\":0}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"?reference=x", "?provider=stripe&reference=x", "?provider=juspay", "?provider=hyperswitch",
            "?provider=hyperswitch&reference="})
    void refusesAnUnknownProviderOrMissingReference(String query) throws Exception {
        HttpResponse<String> response = server.get("/simulator/calls" + query);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("error").asText()).isNotBlank();
    }
}
