package io.cancelgateway.jms;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.cancelgateway.client.BrokerUser;
import io.cancelgateway.client.Clients;

/**
 * The clients that send JMS requests with a broker user of their own, their reply prefixes checked at start: a
 * client's ERP may read, create and delete everything under its prefix, and its results may be sent anywhere under it.
 * So a prefix is whole address words ending with '.' (an Artemis match, {@code <prefix>#}), without wildcards or a
 * queue separator, and covers neither the channel's queues, the broker's own addresses, nor another client's prefix.
 * Checked for an external broker too: its security settings are written from the same prefixes (see the README).
 */
@Singleton
public class ReplyPrefixes {

    /** One or more words, each ending with the address delimiter; no Artemis wildcard, no {@code ::}, no blank. */
    private static final Pattern WORDS = Pattern.compile("(?:[^.#*:\\s]+\\.)+");

    private final List<BrokerUser> brokerUsers;

    @Inject
    public ReplyPrefixes(Clients clients, JmsChannelConfig config) {
        this(clients.brokerUsers(), List.of(config.requestQueue(), config.resultQueue(), config.invalidQueue(),
                config.deadLetterQueue(), EmbeddedBroker.DEAD_LETTERS, EmbeddedBroker.EXPIRED, "activemq.management",
                "activemq.notifications"));
    }

    ReplyPrefixes(List<BrokerUser> brokerUsers, List<String> reserved) {
        List<BrokerUser> checked = new ArrayList<>();
        for (BrokerUser user : brokerUsers) {
            String prefix = user.client().replyPrefix();
            String property = "cancel.clients." + user.client().name() + ".reply-prefix";
            if (!WORDS.matcher(prefix).matches()) {
                throw new IllegalStateException(property + " must be address words each ending with '.', without "
                        + "'#', '*', ':' or blanks (for example cancel.replies." + user.client().name() + ".), was '"
                        + prefix + "'");
            }
            reserved.stream().filter(name -> covers(prefix, name)).findFirst().ifPresent(name -> {
                throw new IllegalStateException(property + " " + prefix + " covers " + name
                        + ", which no client may read: choose a prefix of the client's own");
            });
            checked.stream().filter(other -> overlap(prefix, other.client().replyPrefix())).findFirst()
                    .ifPresent(other -> {
                        throw new IllegalStateException(property + " " + prefix + " overlaps the reply prefix "
                                + other.client().replyPrefix() + " of client " + other.client().name()
                                + ": each client reads under a prefix of its own");
                    });
            checked.add(user);
        }
        this.brokerUsers = List.copyOf(checked);
    }

    /** The clients' broker users, each client's reply prefix checked. */
    public List<BrokerUser> brokerUsers() {
        return brokerUsers;
    }

    /** The Artemis address match of everything under a reply prefix. */
    static String match(String prefix) {
        return prefix + "#";
    }

    /** Whether the prefix's broker rule ({@code <prefix>#}) reaches the address: also the prefix without its dot. */
    static boolean covers(String prefix, String address) {
        return address.startsWith(prefix) || (address + ".").equals(prefix);
    }

    private static boolean overlap(String prefix, String other) {
        return prefix.startsWith(other) || other.startsWith(prefix);
    }
}
