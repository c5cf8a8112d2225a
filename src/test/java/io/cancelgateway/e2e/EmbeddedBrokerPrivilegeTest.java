package io.cancelgateway.e2e;

import static io.cancelgateway.e2e.ErpJmsClient.queueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import jakarta.jms.JMSRuntimeException;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The client broker users' privileges on the service's embedded broker, which holds the users and their roles. */
@QuarkusTest
@TestProfile(BrokerPrivilegeContract.TwoClients.class)
class EmbeddedBrokerPrivilegeTest extends BrokerPrivilegeContract {

    @Test
    void aStreamedMessageRefusedForItsSizeLeavesNothingOnDisk() throws Exception {
        List<Path> before = largeMessageFiles();
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        Arrays.fill(twoMegabytes, (byte) 'x');

        try (ErpJmsClient erpA = ErpJmsClient.connectAs(ERP_A, ERP_A_PASSWORD)) {
            assertThatThrownBy(() -> erpA.sendTo(queueName("request-queue"), erpA.bytesMessage(twoMegabytes), m -> {
            })).isInstanceOf(JMSRuntimeException.class);
        }

        assertThat(largeMessageFiles()).as("large message files").isSubsetOf(before);
    }

    private static List<Path> largeMessageFiles() throws IOException {
        Path directory = Path.of(ConfigProvider.getConfig().getValue("cancel.data-dir", String.class), "broker",
                "large-messages");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}
