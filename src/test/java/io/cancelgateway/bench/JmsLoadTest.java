package io.cancelgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmsLoadTest {

    @Test
    void aServiceWithoutTheJmsChannelIsNotSentToAndTheTableSaysWhy(@TempDir Path quarkusApp) throws Exception {
        Path libraries = Files.createDirectories(quarkusApp.resolve("lib").resolve("main"));
        Files.createFile(libraries.resolve("org.apache.camel.quarkus.camel-quarkus-file-3.31.0.jar"));

        assertThat(JmsLoad.unavailableBecause(quarkusApp)).contains("the packaged service has no JMS channel");
    }

    @Test
    void aServiceWithTheJmsChannelIsMeasuredWhenTheBenchmarkHasAJmsClient(@TempDir Path quarkusApp) throws Exception {
        Path libraries = Files.createDirectories(quarkusApp.resolve("lib").resolve("main"));
        Files.createFile(libraries.resolve("org.apache.camel.quarkus.camel-quarkus-jms-3.31.0.jar"));

        Optional<String> unavailable = JmsLoad.unavailableBecause(quarkusApp);

        assertThat(unavailable).isNotEqualTo(Optional.of("the packaged service has no JMS channel"));
        assertThat(unavailable.isEmpty()).isEqualTo(artemisClientPresent());
    }

    private static boolean artemisClientPresent() {
        try {
            Class.forName("org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory");
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }
}
