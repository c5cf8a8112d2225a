package io.cancelgateway.sync;

import java.util.concurrent.ExecutorService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.camel.CamelContext;
import org.apache.camel.quarkus.main.events.BeforeConfigure;
import org.apache.camel.spi.ThreadPoolProfile;

/**
 * The threads status checks run on, {@code cancel.sync.concurrency} in each pool, apart from the channels' threads so
 * that following results never slows a cancel down: {@code status-checks} for the checks the polls start (as many as
 * run at most), {@code asked-checks} for those callers ask for, so that these can take no thread of the polls'.
 */
@ApplicationScoped
public class StatusCheckThreads {

    void bind(@Observes BeforeConfigure configuring, SyncConfig config) {
        CamelContext camel = configuring.getCamelContext();
        for (String pool : new String[] { "status-checks", "asked-checks" }) {
            ThreadPoolProfile profile = new ThreadPoolProfile(pool);
            profile.setPoolSize(config.concurrency());
            profile.setMaxPoolSize(config.concurrency());
            profile.setAllowCoreThreadTimeOut(true);
            camel.getRegistry().bind(pool, ExecutorService.class,
                    camel.getExecutorServiceManager().newThreadPool(this, profile.getId(), profile));
        }
    }
}
