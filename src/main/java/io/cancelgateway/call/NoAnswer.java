package io.cancelgateway.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Keeps why the provider could not be called or did not answer (the HTTP endpoint's I/O failure) for the record. */
@ApplicationScoped
@Named("noAnswer")
public class NoAnswer implements Processor {

    static final String FAILURE = "CancelCallFailure";

    @Override
    public void process(Exchange exchange) {
        exchange.setProperty(FAILURE, exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
    }
}
