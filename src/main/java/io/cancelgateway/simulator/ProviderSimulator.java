package io.cancelgateway.simulator;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Serves the providers' cancel APIs under {@code /simulator} inside the application, when
 * {@code cancel.simulator.enabled} is set. When it is not, nothing is mounted and nothing else is touched, so the
 * bean is harmless in production.
 */
@ApplicationScoped
public class ProviderSimulator {

    private static final Logger LOG = Logger.getLogger(ProviderSimulator.class);

    @Inject
    SimulatorConfig config;

    void install(@Observes Router router) {
        if (!config.enabled()) {
            return;
        }
        SimulatorSettings settings = SimulatorSettings.from(config);
        new SimulatorRoutes(settings, new SimulatedTargets(config.maxTargets()), Clock.systemUTC()).mount(router);
        LOG.infof("Provider simulator answering under %s/ (%s)", SimulatorRoutes.ROOT, settings);
    }
}
