package io.cancelgateway.jms;

import java.util.Map;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerPlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.apache.activemq.artemis.utils.CompositeAddress;

/**
 * Refuses a request message larger than the limit when it is sent: the producer's send fails and the broker keeps
 * nothing, so no sender can fill the broker's memory and disk with requests the service would refuse anyway. The size
 * is the message's as the broker stores it (headers, properties and body; a TextMessage's text takes two bytes a
 * character). A large message, streamed in chunks, is measured once complete and its file deleted when refused. A
 * compressed one is refused whatever its size: what the broker stores says nothing of what it expands to when read.
 * Only Artemis classes are used, so that an external broker can run it too (see the README): {@code broker.xml}'s
 * {@code <broker-plugin>} with the properties {@value #ADDRESS} and {@value #MAX_MESSAGE_BYTES}.
 */
public final class RequestSizeLimit implements ActiveMQServerPlugin {

    static final String ADDRESS = "address";
    static final String MAX_MESSAGE_BYTES = "max-message-bytes";

    private String requestAddress;
    private long maxMessageBytes;

    /** For an external broker, which configures it with {@link #init}. */
    public RequestSizeLimit() {
    }

    RequestSizeLimit(String requestAddress, long maxMessageBytes) {
        this.requestAddress = requestAddress;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void init(Map<String, String> properties) {
        requestAddress = required(properties, ADDRESS);
        maxMessageBytes = Long.parseLong(required(properties, MAX_MESSAGE_BYTES));
    }

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct,
            boolean noAutoCreateQueues) throws ActiveMQException {
        String address = message.getAddress();
        // A message without an address goes to the session's first one, which may be the request queue.
        if (address != null && !requestAddress.equals(CompositeAddress.extractAddressName(address))) {
            return;
        }
        if (message.containsProperty(Message.HDR_LARGE_COMPRESSED)) {
            throw new ActiveMQException("a compressed message is not accepted on " + requestAddress
                    + ": send the request uncompressed");
        }
        long size = message.getWholeMessageSize();
        if (size > maxMessageBytes) {
            throw new ActiveMQException("the message has " + size + " bytes; the limit on " + requestAddress + " is "
                    + maxMessageBytes);
        }
    }

    private static String required(Map<String, String> properties, String name) {
        String value = properties.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(RequestSizeLimit.class.getSimpleName() + " needs the property " + name);
        }
        return value.trim();
    }
}
