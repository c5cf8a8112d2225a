package io.cancelgateway.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.quarkus.main.events.BeforeConfigure;

/**
 * The platform-http engine of the REST channel: Quarkus's Vert.x router, with {@link AsyncRestConsumer}s. Installed
 * before the routes are configured, so that every REST route's consumer is one.
 */
public final class AsyncRestEngine extends VertxPlatformHttpEngine {

    @Override
    public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
        return new AsyncRestConsumer(endpoint, processor, getHandlers(),
                VertxPlatformHttpRouter.getRouterNameFromPort(getServerPort()));
    }

    /** Puts the engine on Camel's platform-http component in place of the stock one. */
    @ApplicationScoped
    static class Installer {

        void install(@Observes BeforeConfigure configuring) {
            configuring.getCamelContext().getComponent("platform-http", PlatformHttpComponent.class)
                    .setEngine(new AsyncRestEngine());
        }
    }
}
