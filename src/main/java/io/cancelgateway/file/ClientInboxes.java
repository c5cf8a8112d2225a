package io.cancelgateway.file;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.cancelgateway.client.Client;
import io.cancelgateway.client.Clients;
import io.quarkus.runtime.Startup;

/**
 * The file channel's folders per client, created at start: a named client drops files into {@code <inbox>/<client>/}
 * and finds their results in {@code <outbox>/<client>/}, where no other client's files are; the top-level inbox and
 * outbox belong to the single-tenant client ({@code cancel.api.keys}).
 */
@Startup
@ApplicationScoped
public class ClientInboxes {

    private final InboxFolders top;
    private final Path outbox;
    private final Map<String, InboxFolders> byClient = new ConcurrentHashMap<>();
    private final Clients clients;

    public ClientInboxes(FileChannelConfig config, Clients clients) {
        this.clients = clients;
        Path inbox = Path.of(config.inbox()).toAbsolutePath();
        this.outbox = Path.of(config.outbox()).toAbsolutePath();
        this.top = new InboxFolders(inbox, outbox, false);
        for (Client client : clients.all()) {
            if (!client.isSingleTenant()) {
                byClient.put(client.name(), new InboxFolders(inbox.resolve(client.name()),
                        outbox.resolve(client.name()), true));
            }
        }
    }

    /** The folders an input file is in: its client's, or the top-level ones for the top-level inbox and strangers. */
    InboxFolders foldersOf(Path input) {
        String folder = clientFolderName(input);
        return folder == null ? top : byClient.getOrDefault(folder, top);
    }

    /** The client an input file runs as; empty when its folder is no client's. */
    Optional<Client> clientOf(Path input) {
        String folder = clientFolderName(input);
        return folder == null ? clients.singleTenant() : byClient.containsKey(folder) ? clients.byName(folder)
                : Optional.empty();
    }

    /**
     * The folders a client's updates go to: its own even when it is no longer configured (its requests are still
     * followed), never another client's.
     */
    InboxFolders foldersOf(String client) {
        if (Client.SINGLE_TENANT.equals(client)) {
            return top;
        }
        return byClient.computeIfAbsent(client, name -> new InboxFolders(top.inbox().resolve(name),
                outbox.resolve(name), true));
    }

    /** The name of the client folder an input is in; null for the top-level inbox. */
    private String clientFolderName(Path input) {
        Path parent = input.toAbsolutePath().getParent();
        return parent.equals(top.inbox()) ? null : parent.getFileName().toString();
    }
}
