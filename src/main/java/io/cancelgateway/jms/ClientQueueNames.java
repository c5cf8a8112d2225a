package io.cancelgateway.jms;

import java.util.HashMap;
import java.util.Map;

import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerPlugin;

/**
 * Keeps a client's queues inside its reply prefix by name as well as by address. Artemis checks a queue's address
 * against the security settings, not its name, and queue names are broker-wide: a client could otherwise create, on
 * an address of its own, a queue named like another client's reply queue before that client does, and so take that
 * queue away from it. A queue made for a temporary or non-durable subscription has a random name, so a
 * client reads its results from queues, not topics. Only Artemis classes are used, so that an external broker can run
 * it too (see the README): {@code broker.xml}'s {@code <broker-plugin>} with one property per client broker user, its
 * reply prefix.
 */
public final class ClientQueueNames implements ActiveMQServerPlugin {

    private final Map<String, String> prefixByUser = new HashMap<>();

    /** For an external broker, which configures it with {@link #init}. */
    public ClientQueueNames() {
    }

    ClientQueueNames(Map<String, String> prefixByUser) {
        this.prefixByUser.putAll(prefixByUser);
    }

    @Override
    public void init(Map<String, String> properties) {
        prefixByUser.putAll(properties);
    }

    @Override
    public void beforeCreateQueue(QueueConfiguration queue) throws ActiveMQSecurityException {
        SimpleString user = queue.getUser();
        String prefix = user == null ? null : prefixByUser.get(user.toString());
        if (prefix != null && !queue.getName().toString().startsWith(prefix)) {
            throw new ActiveMQSecurityException("user " + user + " may create queues named " + prefix + "... only, not "
                    + queue.getName());
        }
    }
}
