package io.cancelgateway.client;

/**
 * A broker user an ERP sends JMS requests with, and the client they run as.
 *
 * @param passwordSha256 the SHA-256 of its password, in lower-case hex
 */
public record BrokerUser(String user, String passwordSha256, Client client) {
}
