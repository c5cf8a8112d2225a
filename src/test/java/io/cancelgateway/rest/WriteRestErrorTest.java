package io.cancelgateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cancelgateway.flow.CancelExchange;
import io.cancelgateway.journal.JournalUnavailable;
import io.cancelgateway.provider.AttemptRecord;
import io.cancelgateway.provider.CallKind;

/** What a caller is told when the journal fails: whether a provider may already have acted. */
class WriteRestErrorTest {

    private final ObjectMapper json = new ObjectMapper();
    private final WriteRestError errors = new WriteRestError(json);

    @Test
    void aJournalFailureBeforeAnyCallSaysNothingWasSent() throws Exception {
        JsonNode answer = answer(journalFailed(List.of()));

        assertThat(answer.get("error").asText()).isEqualTo("journal_unavailable");
        assertThat(answer.get("detail").asText()).contains("nothing was sent to a provider");
    }

    @Test
    void aJournalFailureAfterTheProviderAnsweredSaysItMayHaveActed() throws Exception {
        JsonNode answer = answer(journalFailed(List.of(new AttemptRecord(1, Instant.now(), 200, 21, null, "{}",
                CallKind.CANCEL))));

        assertThat(answer.get("error").asText()).isEqualTo("journal_unavailable");
        assertThat(answer.get("detail").asText()).contains("the provider may have acted on the request")
                .doesNotContain("nothing was sent");
    }

    private Exchange journalFailed(List<AttemptRecord> attempts) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new JournalUnavailable(new SQLException("No space left")));
        exchange.setProperty(CancelExchange.ATTEMPTS, attempts);
        return exchange;
    }

    private JsonNode answer(Exchange exchange) throws Exception {
        errors.process(exchange);
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).isEqualTo(503);
        return json.readTree(exchange.getMessage().getBody(byte[].class));
    }
}
