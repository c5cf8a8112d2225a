package io.cancelgateway.sync;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.cancelgateway.model.Channel;

/**
 * Sorts the updates to tell by the channel their callers hear on: the body becomes the JMS updates (one message each),
 * the file updates go together into one updates file. Checks that changed nothing, and failed checks, are dropped.
 */
@ApplicationScoped
@Named("sortUpdates")
public class SortUpdates implements Processor {

    /** The exchange property holding the run's file updates. */
    public static final String FILE_UPDATES = "CancelFileUpdates";

    @Override
    public void process(Exchange exchange) {
        List<?> run = exchange.getMessage().getBody(List.class);
        List<SyncUpdate> announced = run == null ? List.of() : run.stream()
                .filter(SyncUpdate.class::isInstance).map(SyncUpdate.class::cast).filter(SyncUpdate::announce).toList();
        exchange.setProperty(FILE_UPDATES,
                announced.stream().filter(update -> update.check().channel() == Channel.FILE).toList());
        exchange.getMessage().setBody(
                announced.stream().filter(update -> update.check().channel() == Channel.JMS).toList());
    }
}
