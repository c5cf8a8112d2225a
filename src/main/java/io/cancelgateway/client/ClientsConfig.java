package io.cancelgateway.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

/**
 * The callers of the gateway, {@code cancel.clients.<name>.*}: each client sees and cancels only its own merchants'
 * requests. {@code cancel.api.keys} is the single-tenant shortcut: one client, {@link Client#SINGLE_TENANT}, with
 * every merchant.
 */
@ConfigMapping(prefix = "cancel.clients")
public interface ClientsConfig {

    @WithParentName
    Map<String, ClientSettings> clients();

    interface ClientSettings {

        /** The SHA-256 of the client's API key, in hex: what production configuration holds. */
        Optional<String> apiKeySha256();

        /** The API key itself: accepted in dev and test only. */
        Optional<String> apiKey();

        /** The merchants the client may cancel for, or {@code *} for every one. */
        List<String> merchants();

        /** The providers the client may cancel at; every one when absent. */
        Optional<List<String>> providers();

        /** The broker user the client's ERP sends JMS requests with. */
        Optional<String> jmsUser();

        /** The SHA-256 of that broker user's password, in hex (embedded broker). */
        Optional<String> jmsPasswordSha256();

        /** That broker user's password itself: accepted in dev and test only. */
        Optional<String> jmsPassword();

        /**
         * The prefix of the queues the client's ERP reads its results from: a JMSReplyTo outside it is not answered
         * to. Default {@code cancel.replies.<name>.}.
         */
        Optional<String> replyPrefix();
    }
}
