package io.cancelgateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestReplyTest {

    @ParameterizedTest(name = "{0} ms -> Retry-After {1}")
    @CsvSource({ "1, 1", "999, 1", "1000, 1", "1001, 2", "6000, 6", "9999, 10", "0, 1" })
    void retryAfterIsTheWaitInWholeSecondsRoundedUpAndNeverZero(long waitMillis, long seconds) {
        assertThat(RestReply.seconds(Duration.ofMillis(waitMillis))).isEqualTo(seconds);
    }

    @Test
    void aReplyWithoutAWaitClearsTheWaitOfAReplySetBeforeAndTheCallersHeaders() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader("Retry-After", "3600");
        exchange.getMessage().setHeader("X-Api-Key", "caller-key");

        RestReply.json(exchange, 429, bytes("{}"), Duration.ofMillis(2500));
        assertThat(exchange.getProperty(RestReply.RETRY_AFTER, Long.class)).isEqualTo(3L);
        assertThat(exchange.getMessage().getHeaders()).containsOnlyKeys(Exchange.HTTP_RESPONSE_CODE,
                Exchange.CONTENT_TYPE);

        RestReply.json(exchange, 500, bytes("{}"));
        assertThat(exchange.getProperty(RestReply.RETRY_AFTER)).isNull();
        RestReply.json(exchange, 409, bytes("{}"), null);
        assertThat(exchange.getProperty(RestReply.RETRY_AFTER)).isNull();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
