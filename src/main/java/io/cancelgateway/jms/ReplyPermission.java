package io.cancelgateway.jms;

import java.util.Arrays;
import java.util.Collection;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

import io.cancelgateway.client.Client;

/**
 * Whether a request's answer may go to its JMSReplyTo: only where its client's ERP reads ({@link Client#mayReplyTo},
 * under the client's reply prefix; for the single tenant, anywhere but the request queue and the clients' queues).
 * Else it goes to the result queue, so that no answer lands on another client's queue, where the client would take it
 * for its own, or on the request queue, where it would be read back as a request. For a client, a name with an Artemis
 * wildcard or a queue separator ({@code ::}) is refused too: it could reach queues the prefix does not name; for the
 * single tenant, a wildcard, or a fully qualified name whose address or queue is one of those. A request of no client
 * is answered on the result queue only.
 */
final class ReplyPermission {

    private ReplyPermission() {
    }

    /**
     * @param clientPrefixes the reply prefixes of the clients other than the single tenant
     */
    static boolean allows(Client client, Destination replyTo, String requestQueue, Collection<String> clientPrefixes)
            throws JMSException {
        if (client == null) {
            return false;
        }
        String name = name(replyTo);
        if (client.isSingleTenant()) {
            return name != null && !wildcard(name) && Arrays.stream(name.split("::", -1))
                    .noneMatch(part -> part.equals(requestQueue)
                            || clientPrefixes.stream().anyMatch(prefix -> ReplyPrefixes.covers(prefix, part)));
        }
        return name != null && !wildcard(name) && !name.contains("::") && client.mayReplyTo(name);
    }

    private static boolean wildcard(String name) {
        return name.contains("#") || name.contains("*");
    }

    /** The queue's or topic's name, as logged and matched against the prefix. */
    static String name(Destination destination) throws JMSException {
        if (destination instanceof Queue queue) {
            return queue.getQueueName();
        }
        if (destination instanceof Topic topic) {
            return topic.getTopicName();
        }
        return null;
    }
}
