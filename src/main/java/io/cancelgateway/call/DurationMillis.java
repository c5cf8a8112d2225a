package io.cancelgateway.call;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.camel.quarkus.main.events.BeforeConfigure;
import org.apache.camel.spi.PropertiesFunction;
import org.eclipse.microprofile.config.Config;

/**
 * The placeholder function {@code {{millis:<property>}}}: a duration property of the configuration ({@code 200ms},
 * {@code 2s}) as the milliseconds Camel's options take, so that the routes use the configuration's own durations.
 */
@ApplicationScoped
public class DurationMillis implements PropertiesFunction {

    private final Config config;

    public DurationMillis(Config config) {
        this.config = config;
    }

    void register(@Observes BeforeConfigure configuring) {
        configuring.getCamelContext().getPropertiesComponent().addPropertiesFunction(this);
    }

    @Override
    public String getName() {
        return "millis";
    }

    @Override
    public String apply(String property) {
        return Long.toString(config.getValue(property.trim(), Duration.class).toMillis());
    }
}
