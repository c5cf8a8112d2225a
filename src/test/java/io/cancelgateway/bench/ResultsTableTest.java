package io.cancelgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResultsTableTest {

    @Test
    void aRowPerChannelWithItsFigures() {
        String table = ResultsTable.format(SampleReports.withoutJms(true));

        assertThat(table).contains("load average 0.10 0.20 0.30 before, 1.50 0.90 0.50 after the channels, "
                + "1.90 1.20 0.70 at the end");
        assertThat(table).containsPattern("baseline +20,000 +6\\.5 +3077 +1\\.00 +3200 +0\\.96 +20\\.4 +21\\.9 +24\\.8 +- +-");
        assertThat(table).containsPattern("rest +20,000 +16\\.0 +1250 +0\\.41 +3200 +0\\.39 +35\\.2 +60\\.1 +80\\.7 +14\\.8 "
                + "+55\\.9 +0\\.60 +-?0\\.00 +310");
        assertThat(table).contains("at concurrency 4 (2,000 requests each): baseline p50 21.4 ms, REST p50 23.9 ms, "
                + "added 2.5 ms");
        assertThat(table).contains("journal: embedded H2 (the default)");
        assertThat(table).containsPattern("file +100,000 +60\\.0 +1667 +0\\.54 +3200 +0\\.52 +- +- +-");
        assertThat(table).contains("jms       not measured: the packaged service has no JMS channel");
        assertThat(table).contains("startup to ready 2.60 s (Quarkus: started in 1.90 s); idle RSS 190 MB");
        assertThat(table).contains("large file: 1,000,000 rows with -Xmx256m and no provider latency: 600 s "
                + "(1667 rows/s), every row answered in order; heap in use max 250 MB, live after GC max 120 MB");
    }

    @Test
    void everyGoalIsMetMissedOrNotMeasured() {
        String table = ResultsTable.format(SampleReports.withoutJms(false));

        assertThat(table).containsPattern("REST throughput >= 0.80 of the baseline +0\\.41 +MISSED");
        assertThat(table).containsPattern("REST added p50 at concurrency 4 <= 3 ms +2\\.50 +met");
        assertThat(table).containsPattern("REST gateway CPU per cancel <= 0.35 ms +-?0\\.00 +met");
        assertThat(table).containsPattern("JMS results/s >= 0.80 of concurrency / latency +- +not measured");
        assertThat(table).containsPattern("JMS gateway CPU per message <= 0.40 ms +- +not measured");
        assertThat(table).containsPattern("startup to ready <= 3 s +2\\.60 +met");
        assertThat(table).containsPattern("idle RSS < 300 MB +190\\.00 +met");
        assertThat(table).contains("large file: not measured: --skip-large-file");
    }
}
