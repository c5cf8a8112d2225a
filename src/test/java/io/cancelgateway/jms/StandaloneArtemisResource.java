package io.cancelgateway.jms;

import java.io.IOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the JMS channel of a {@code @QuarkusTest} at a {@link StandaloneArtemis} broker instead of the embedded one:
 * with {@code @WithTestResource(StandaloneArtemisResource.class)} on the test class, a broker starts before the
 * application and stops after it. Its init args, if any, are client users of the broker and their passwords.
 */
public class StandaloneArtemisResource implements QuarkusTestResourceLifecycleManager {

    private StandaloneArtemis broker;
    private Map<String, String> clientUsers = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        clientUsers = Map.copyOf(initArgs);
    }

    @Override
    public Map<String, String> start() {
        try {
            broker = StandaloneArtemis.start(clientUsers);
        } catch (IOException notStarted) {
            throw new IllegalStateException("the standalone Artemis broker did not start", notStarted);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the standalone Artemis broker started", interrupted);
        }
        return broker.channelConfiguration();
    }

    @Override
    public void stop() {
        if (broker == null) {
            return;
        }
        try {
            broker.close();
        } catch (IOException notDeleted) {
            throw new IllegalStateException("the standalone Artemis broker's instance was not deleted", notDeleted);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the standalone Artemis broker stopped", interrupted);
        } finally {
            broker = null;
        }
    }
}
