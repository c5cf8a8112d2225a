package io.cancelgateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProviderSimulatorTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    void mountsNothingWhenDisabled() {
        Router router = Router.router(vertx);

        simulator(false).install(router);

        assertThat(router.getRoutes()).isEmpty();
    }

    @Test
    void mountsEveryProviderBelowTheSimulatorRootWhenEnabled() {
        Router router = Router.router(vertx);

        simulator(true).install(router);

        assertThat(router.getRoutes()).extracting(Route::getPath).contains(
                "/simulator/",
                "/simulator/juspay/merchants/:merchant_id/order/:order_id/cancel",
                "/simulator/juspay/payout/merchant/v1/fulfillment/:fulfillment_id/cancel",
                "/simulator/juspay/payout/merchant/v1/orders/:order_id",
                "/simulator/kwikpaisa/api/v3/pg/order/cancel",
                "/simulator/kwikpaisa/api/v3/pg/order/status",
                "/simulator/hyperswitch/payments/:payment_id/cancel",
                "/simulator/hyperswitch/payments/:payment_id",
                "/simulator/calls");
        assertThat(router.getRoutes()).extracting(Route::getPath).allMatch(path -> path.startsWith("/simulator/"));
    }

    @Test
    void keepsKeysOutOfItsSettingsText() {
        SimulatorSettings settings = SimulatorSettings.from(config(true));

        assertThat(settings.toString()).doesNotContain("sim_juspay_key", "pk_sim", "sk_sim", "snd_sim");
    }

    private static ProviderSimulator simulator(boolean enabled) {
        ProviderSimulator simulator = new ProviderSimulator();
        simulator.config = config(enabled);
        return simulator;
    }

    private static SimulatorConfig config(boolean enabled) {
        return new SimulatorConfig() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public long latencyMs() {
                return 0;
            }

            @Override
            public long slowMs() {
                return 3000;
            }

            @Override
            public int maxTargets() {
                return 100_000;
            }

            @Override
            public Duration payoutCancelDelay() {
                return Duration.ofSeconds(10);
            }

            @Override
            public Duration pendingDelay() {
                return Duration.ofSeconds(10);
            }

            @Override
            public Juspay juspay() {
                return () -> "sim_juspay_key";
            }

            @Override
            public Kwikpaisa kwikpaisa() {
                return new Kwikpaisa() {
                    @Override
                    public String apiKey() {
                        return "pk_sim_kwikpaisa";
                    }

                    @Override
                    public String secretKey() {
                        return "sk_sim_kwikpaisa";
                    }
                };
            }

            @Override
            public Hyperswitch hyperswitch() {
                return () -> "snd_sim_hyperswitch";
            }
        };
    }
}
