package io.cancelgateway.jms;

import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager4;

import io.cancelgateway.client.BrokerUser;
import io.cancelgateway.client.Clients;

/**
 * The embedded broker's users and their roles: the service's own user ({@code quarkus.artemis.username}) and each
 * client's broker user ({@code cancel.clients.<name>.jms-user}). Passwords are compared as SHA-256 digests in constant
 * time, an unknown user against a digest no password has, so timing tells nothing about either. What a role may do
 * where is {@link BrokerPermissions}; the validated user is what Artemis stamps on each message as JMSXUserID.
 */
final class BrokerAccounts implements ActiveMQSecurityManager4 {

    private static final Account NOBODY = new Account(new byte[32], Set.of());

    private final Map<String, Account> accounts = new HashMap<>();

    BrokerAccounts(String serviceUser, String servicePassword, List<BrokerUser> clientUsers) {
        accounts.put(serviceUser,
                new Account(Clients.sha256(servicePassword), Set.of(BrokerPermissions.SERVICE_ROLE)));
        for (BrokerUser user : clientUsers) {
            String client = user.client().name();
            if (accounts.containsKey(user.user())) {
                throw new IllegalStateException("cancel.clients." + client + ".jms-user " + user.user()
                        + " is the service's own broker user (quarkus.artemis.username): give the client a user of its "
                        + "own");
            }
            accounts.put(user.user(), new Account(HexFormat.of().parseHex(user.passwordSha256()),
                    Set.of(BrokerPermissions.CLIENTS_ROLE, BrokerPermissions.clientRole(client))));
        }
    }

    @Override
    public String validateUser(String user, String password, RemotingConnection connection, String securityDomain) {
        return account(user, password) == null ? null : user;
    }

    @Override
    public String validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType,
            String address, RemotingConnection connection, String securityDomain) {
        Account account = account(user, password);
        if (account == null) {
            return null;
        }
        for (Role role : roles) {
            if (account.roles().contains(role.getName()) && checkType.hasRole(role)) {
                return user;
            }
        }
        return null;
    }

    @Override
    public boolean validateUser(String user, String password) {
        return validateUser(user, password, null, null) != null;
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return validateUserAndRole(user, password, roles, checkType, null, null, null) != null;
    }

    /** The user's account when the password is its own, else null. */
    private Account account(String user, String password) {
        Account account = user == null ? NOBODY : accounts.getOrDefault(user, NOBODY);
        boolean matches = MessageDigest.isEqual(account.passwordSha256(),
                Clients.sha256(password == null ? "" : password));
        return matches && account != NOBODY ? account : null;
    }

    private record Account(byte[] passwordSha256, Set<String> roles) {
    }
}
