package io.cancelgateway.sync;

import java.util.concurrent.ExecutorService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.camel.CamelContext;
import org.apache.camel.quarkus.main.events.BeforeConfigure;
import org.apache.camel.spi.ThreadPoolProfile;

/**
 * The threads status checks start on ({@code status-checks}: a poll's wire taps, a requested check's split),
 * {@code cancel.sync.concurrency} of them: apart from the channels' threads, so that following results never slows a
 * cancel down.
 */
@ApplicationScoped
public class StatusCheckThreads {

    void bind(@Observes BeforeConfigure configuring, SyncConfig config) {
        CamelContext camel = configuring.getCamelContext();
        ThreadPoolProfile profile = new ThreadPoolProfile("status-checks");
        profile.setPoolSize(config.concurrency());
        profile.setMaxPoolSize(config.concurrency());
        profile.setAllowCoreThreadTimeOut(true);
        camel.getRegistry().bind("status-checks", ExecutorService.class,
                camel.getExecutorServiceManager().newThreadPool(this, profile.getId(), profile));
    }
}
