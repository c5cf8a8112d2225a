package io.cancelgateway.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.cancelgateway.client.Clients;
import io.cancelgateway.flow.CancelExchange;
import io.cancelgateway.journal.DueCheck;
import io.cancelgateway.provider.CallKind;

/**
 * Turns a leased result into the exchange a provider's status route expects: the request as journaled, for the
 * merchant the cancel was made for, with the provider and the call's kind. The check stays on the exchange for
 * {@link ApplyStatusCheck}.
 */
@ApplicationScoped
@Named("prepareStatusCheck")
public class PrepareStatusCheck implements Processor {

    /** The exchange property holding the {@link DueCheck}. */
    public static final String CHECK = "CancelDueCheck";
    /** True when only the caller is left to tell of a change a check already made: no call. */
    static final String ANNOUNCE_ONLY = "CancelAnnounceOnly";

    private final Clients clients;

    public PrepareStatusCheck(Clients clients) {
        this.clients = clients;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        DueCheck check = exchange.getMessage().getMandatoryBody(DueCheck.class);
        exchange.setProperty(CHECK, check);
        exchange.setProperty(ANNOUNCE_ONLY, check.announceOnly());
        exchange.setProperty(CancelExchange.PROVIDER, check.result().provider());
        exchange.setProperty(CancelExchange.CALL_KIND, CallKind.STATUS.id());
        // The result's client picks the credentials as for its cancel (PrepareCall): a client limited to merchants
        // calls with theirs only. One no longer configured is no longer limited by its settings.
        clients.byName(check.client()).ifPresentOrElse(client -> exchange.setProperty(CancelExchange.CLIENT, client),
                () -> exchange.removeProperty(CancelExchange.CLIENT));
        exchange.setProperty(CancelExchange.STARTED_NANOS, System.nanoTime());
        exchange.getMessage().setBody(check.request().withMerchantId(check.result().merchantId()));
    }
}
