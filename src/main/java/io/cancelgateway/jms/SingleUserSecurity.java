package io.cancelgateway.jms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;

/** The embedded broker's one user, the one the service and its ERPs connect with; it may do everything. */
final class SingleUserSecurity implements ActiveMQSecurityManager {

    private final byte[] user;
    private final byte[] password;

    SingleUserSecurity(String user, String password) {
        this.user = user.getBytes(StandardCharsets.UTF_8);
        this.password = password.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean validateUser(String candidateUser, String candidatePassword) {
        // Both compared in constant time, so that timing tells nothing about either.
        boolean userMatches = MessageDigest.isEqual(user, bytes(candidateUser));
        boolean passwordMatches = MessageDigest.isEqual(password, bytes(candidatePassword));
        return userMatches & passwordMatches;
    }

    @Override
    public boolean validateUserAndRole(String candidateUser, String candidatePassword, Set<Role> roles,
            CheckType checkType) {
        return validateUser(candidateUser, candidatePassword);
    }

    private static byte[] bytes(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }
}
