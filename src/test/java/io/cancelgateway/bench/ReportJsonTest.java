package io.cancelgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class ReportJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void oneObjectPerChannelWithEveryFigure() throws Exception {
        JsonNode report = json.readTree(ReportJson.write(SampleReports.withoutJms(true)));

        JsonNode channels = report.get("channels");
        assertThat(channels).hasSize(4);
        JsonNode rest = channels.get(1);
        assertThat(rest.get("channel").asText()).isEqualTo("rest");
        assertThat(rest.get("throughput").asDouble()).isEqualTo(1250.0);
        assertThat(rest.get("baseline").asDouble()).isEqualTo(3076.923);
        assertThat(rest.get("ratio").asDouble()).isEqualTo(0.406);
        assertThat(rest.get("p50_ms").asDouble()).isEqualTo(35.2);
        assertThat(rest.get("p95_ms").asDouble()).isEqualTo(60.1);
        assertThat(rest.get("p99_ms").asDouble()).isEqualTo(80.7);
        assertThat(rest.get("added_p50_ms").asDouble()).isEqualTo(14.8);
        assertThat(rest.get("cpu_seconds_per_1000").asDouble()).isEqualTo(0.6);
        assertThat(rest.get("peak_rss_mb").asDouble()).isEqualTo(310.0);
        assertThat(report.at("/service/startup_to_ready_seconds").asDouble()).isEqualTo(2.6);
        assertThat(report.at("/service/idle_rss_mb").asDouble()).isEqualTo(190.0);
        assertThat(report.at("/large_file/rows").asInt()).isEqualTo(1_000_000);
        assertThat(report.at("/large_file/heap_used_max_mb").asDouble()).isEqualTo(250.0);
        assertThat(report.at("/large_file/cpu_seconds_per_1000").asDouble()).isEqualTo(1.1);
    }

    @Test
    void aChannelNotMeasuredHasNullFiguresNotMadeUpOnes() throws Exception {
        JsonNode report = json.readTree(ReportJson.write(SampleReports.withoutJms(false)));

        JsonNode jms = report.get("channels").get(3);
        assertThat(jms.get("channel").asText()).isEqualTo("jms");
        assertThat(jms.get("measured").asBoolean()).isFalse();
        assertThat(jms.get("note").asText()).isEqualTo("the packaged service has no JMS channel");
        for (String figure : new String[] {"throughput", "baseline", "ratio", "p50_ms", "p95_ms", "p99_ms",
                "cpu_seconds_per_1000", "gateway_cpu_ms_per_cancel", "peak_rss_mb"}) {
            assertThat(jms.has(figure)).as(figure).isTrue();
            assertThat(jms.get(figure).isNull()).as(figure).isTrue();
        }
        assertThat(report.get("large_file").isNull()).isTrue();
        assertThat(report.get("quiet_latency").get("added_p50_ms").asDouble()).isEqualTo(2.5);
        assertThat(report.get("channels").get(1).get("gateway_cpu_ms_per_cancel").isNumber()).isTrue();
        JsonNode jmsGoal = report.get("goals").get(2);
        assertThat(jmsGoal.get("goal").asText()).startsWith("JMS");
        assertThat(jmsGoal.get("met").isNull()).isTrue();
    }
}
