package io.cancelgateway.jms;

import static org.apache.activemq.artemis.core.security.CheckType.BROWSE;
import static org.apache.activemq.artemis.core.security.CheckType.CONSUME;
import static org.apache.activemq.artemis.core.security.CheckType.CREATE_ADDRESS;
import static org.apache.activemq.artemis.core.security.CheckType.CREATE_DURABLE_QUEUE;
import static org.apache.activemq.artemis.core.security.CheckType.CREATE_NON_DURABLE_QUEUE;
import static org.apache.activemq.artemis.core.security.CheckType.DELETE_ADDRESS;
import static org.apache.activemq.artemis.core.security.CheckType.DELETE_DURABLE_QUEUE;
import static org.apache.activemq.artemis.core.security.CheckType.DELETE_NON_DURABLE_QUEUE;
import static org.apache.activemq.artemis.core.security.CheckType.EDIT;
import static org.apache.activemq.artemis.core.security.CheckType.MANAGE;
import static org.apache.activemq.artemis.core.security.CheckType.SEND;
import static org.apache.activemq.artemis.core.security.CheckType.VIEW;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;

import io.cancelgateway.client.BrokerUser;

/**
 * Who may do what on the embedded broker, as Artemis security settings (address match to roles), the same the README
 * gives for an external broker: the service's own user everything; every client's broker user sending to the request
 * queue; each client's user consuming, browsing, and creating and deleting queues and addresses under its reply prefix
 * only. Nothing else: not the shared result queue (it holds every unaddressed result), the invalid originals, the
 * dead letters, management or any other address. Artemis applies the most specific match alone, so every match names
 * the service's role too.
 */
final class BrokerPermissions {

    /** The role of the service's own user. */
    static final String SERVICE_ROLE = "cancel-gateway";
    /** The role of every client's broker user. */
    static final String CLIENTS_ROLE = "cancel-clients";

    private static final Set<CheckType> EVERYTHING = EnumSet.allOf(CheckType.class);
    private static final Set<CheckType> OWN_REPLIES = EnumSet.of(CONSUME, BROWSE, CREATE_DURABLE_QUEUE,
            DELETE_DURABLE_QUEUE, CREATE_NON_DURABLE_QUEUE, DELETE_NON_DURABLE_QUEUE, CREATE_ADDRESS, DELETE_ADDRESS);

    private BrokerPermissions() {
    }

    /** The role of one client's broker user. */
    static String clientRole(String client) {
        return "cancel-client-" + client;
    }

    static Map<String, Set<Role>> of(String requestQueue, List<BrokerUser> clientUsers) {
        Map<String, Set<Role>> settings = new LinkedHashMap<>();
        settings.put("#", Set.of(role(SERVICE_ROLE, EVERYTHING)));
        settings.put(requestQueue, Set.of(role(SERVICE_ROLE, EVERYTHING), role(CLIENTS_ROLE, EnumSet.of(SEND))));
        for (BrokerUser user : clientUsers) {
            settings.put(ReplyPrefixes.match(user.client().replyPrefix()), Set.of(role(SERVICE_ROLE, EVERYTHING),
                    role(clientRole(user.client().name()), OWN_REPLIES)));
        }
        return settings;
    }

    private static Role role(String name, Set<CheckType> allowed) {
        return new Role(name, allowed.contains(SEND), allowed.contains(CONSUME), allowed.contains(CREATE_DURABLE_QUEUE),
                allowed.contains(DELETE_DURABLE_QUEUE), allowed.contains(CREATE_NON_DURABLE_QUEUE),
                allowed.contains(DELETE_NON_DURABLE_QUEUE), allowed.contains(MANAGE), allowed.contains(BROWSE),
                allowed.contains(CREATE_ADDRESS), allowed.contains(DELETE_ADDRESS), allowed.contains(VIEW),
                allowed.contains(EDIT));
    }
}
