package io.cancelgateway.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cancelgateway.client.BrokerUser;
import io.cancelgateway.client.Client;

class ReplyPrefixesTest {

    private static final List<String> RESERVED = List.of("cancel.requests", "cancel.results", "cancel.requests.invalid",
            "DLQ.cancel.requests", "DLQ", "ExpiryQueue", "activemq.management", "activemq.notifications");

    @Test
    void eachClientReadsUnderWholeWordsOfItsOwn() {
        List<BrokerUser> users = List.of(user("erp-a", "cancel.replies.erp-a."), user("erp", "cancel.replies.erp."),
                user("billing", "billing.cancel-results."));

        assertThat(new ReplyPrefixes(users, RESERVED).brokerUsers()).isEqualTo(users);
        assertThat(ReplyPrefixes.match("cancel.replies.erp-a.")).isEqualTo("cancel.replies.erp-a.#");
    }

    @Test
    void aPrefixThatIsNotWholeWordsOrHasWildcardsIsRefusedNamingTheProperty() {
        for (String prefix : List.of("cancel.replies.erp-a", "erp-a-", ".", "cancel..erp-a.", "cancel.*.", "cancel.#.",
                "cancel.a::b.", "cancel replies.")) {
            assertThatThrownBy(() -> new ReplyPrefixes(List.of(user("erp-a", prefix)), RESERVED)).as(prefix)
                    .hasMessageContaining("cancel.clients.erp-a.reply-prefix");
        }
    }

    @Test
    void aPrefixCoveringTheChannelsOrTheBrokersQueuesIsRefused() {
        for (String prefix : List.of("cancel.", "cancel.requests.", "DLQ.", "activemq.", "ExpiryQueue.")) {
            assertThatThrownBy(() -> new ReplyPrefixes(List.of(user("erp-a", prefix)), RESERVED)).as(prefix)
                    .hasMessageContaining("which no client may read");
        }
    }

    @Test
    void prefixesOfTwoClientsMayNotOverlap() {
        assertThatThrownBy(() -> new ReplyPrefixes(List.of(user("erp-a", "replies.erp."),
                user("erp-b", "replies.erp.b.")), RESERVED))
                .hasMessageContaining("cancel.clients.erp-b.reply-prefix replies.erp.b. overlaps the reply prefix "
                        + "replies.erp. of client erp-a");
        assertThatThrownBy(() -> new ReplyPrefixes(List.of(user("erp-a", "replies.erp.a."),
                user("erp-b", "replies.erp.")), RESERVED)).hasMessageContaining("overlaps");
    }

    private static BrokerUser user(String client, String prefix) {
        return new BrokerUser(client + "-user", "00".repeat(32), new Client(client, Set.of("m"), false, Set.of(),
                prefix));
    }
}
