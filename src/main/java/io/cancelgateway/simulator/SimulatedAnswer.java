package io.cancelgateway.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/** One HTTP answer of a simulated provider: status and JSON body. */
record SimulatedAnswer(int status, String body) {

    static SimulatedAnswer json(int status, JsonNode body) {
        return new SimulatedAnswer(status, body.toString());
    }
}
