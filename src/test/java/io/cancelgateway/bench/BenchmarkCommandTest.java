package io.cancelgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchmarkCommandTest {

    @Test
    void quarkusOwnStartupFigureIsReadFromItsLogNotCamels() {
        String log = """
                2026-11-22 00:18:48,054 INFO  [or.ap.ca.im.en.AbstractCamelContext] Apache Camel 4.17.0 (cancel-gateway) started in 465ms (build:0ms init:0ms start:465ms boot:5s401ms)
                2026-11-22 00:18:49,440 INFO  [io.quarkus] cancel-gateway 1.0.0-SNAPSHOT on JVM (powered by Quarkus 3.31.1) started in 8.018s. Listening on: http://0.0.0.0:18555
                """;

        assertThat(BenchmarkCommand.quarkusStarted(log)).isEqualTo(8.018);
        assertThat(BenchmarkCommand.quarkusStarted("still starting")).isNull();
    }
}
