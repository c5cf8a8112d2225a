package io.cancelgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapSamplerTest {

    @Test
    void heapInUseIsTheSumOfTheHeapPoolsOnly() {
        String metrics = """
                # HELP jvm_memory_used_bytes The amount of used memory
                # TYPE jvm_memory_used_bytes gauge
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 5.8837336E7
                jvm_memory_used_bytes{area="heap",id="G1 Survivor Space"} 4194304.0
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 1.6777216E7
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 2.097152E7
                jvm_memory_max_bytes{area="heap",id="G1 Old Gen"} 2.68435456E8
                # TYPE jvm_gc_live_data_size_bytes gauge
                jvm_gc_live_data_size_bytes 1.048576E7
                """;

        HeapSampler.Reading reading = HeapSampler.read(metrics);

        assertThat(reading.maxUsedMb()).isEqualTo(40.0);
        assertThat(reading.maxLiveAfterGcMb()).isEqualTo(10.0);
    }
}
