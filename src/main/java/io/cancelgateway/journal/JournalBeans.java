package io.cancelgateway.journal;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.agroal.api.AgroalDataSource;

/** The journal on the service's datasource. */
@ApplicationScoped
public class JournalBeans {

    @Produces
    @Singleton
    CancelJournal journal(AgroalDataSource dataSource) {
        return new CancelJournal(dataSource, Clock.systemUTC());
    }
}
