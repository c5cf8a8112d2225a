package io.cancelgateway.jms;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

import io.cancelgateway.client.Client;

/**
 * Whether a request's answer may go to its JMSReplyTo: only where its client's ERP reads ({@link Client#mayReplyTo},
 * under the client's reply prefix; anywhere for the single tenant). Else it goes to the result queue, so that no
 * answer lands on another client's queue or on the request queue, where it would be read back as a request. For a
 * client, a name with an Artemis wildcard or a queue separator ({@code ::}) is refused too: it could reach queues the
 * prefix does not name. A request of no client is answered on the result queue only.
 */
final class ReplyPermission {

    private ReplyPermission() {
    }

    static boolean allows(Client client, Destination replyTo) throws JMSException {
        if (client == null) {
            return false;
        }
        if (client.isSingleTenant()) {
            return true;
        }
        String name = name(replyTo);
        return name != null && !name.contains("#") && !name.contains("*") && !name.contains("::")
                && client.mayReplyTo(name);
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
