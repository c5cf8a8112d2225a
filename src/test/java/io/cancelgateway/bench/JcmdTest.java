package io.cancelgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JcmdTest {

    @Test
    void theLiveHeapHistogramOfARunningJvmHasItsLargestClassesAndTheTotal() throws Exception {
        String histogram = new Jcmd(ProcessHandle.current().pid()).liveHeapHistogram(6);

        String[] lines = histogram.split("\n");
        assertThat(lines[0]).contains("#instances", "#bytes", "class name");
        assertThat(lines).hasSize(8);
        assertThat(lines[2]).matches(" +1: +\\d+ +\\d+ .+");
        assertThat(lines[6]).isEqualTo("...");
        assertThat(lines[7]).startsWith("Total");
    }
}
