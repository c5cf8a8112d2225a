package io.cancelgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarmUpTest {

    @Test
    void roundsRunUntilTheCompilersTakeLessThanTheSettledShare(@TempDir Path proc) throws Exception {
        // Per round: the process's CPU and its compiler thread's, in clock ticks (100 a second).
        int[][] rounds = {{400, 200}, {400, 60}, {400, 19}, {400, 0}};
        int[] done = {0};
        int[] total = {0, 0};
        write(proc, total);

        String said = WarmUp.untilCompiled(new ProcessGauges(proc, 100), Duration.ofMinutes(1), index -> {
            assertThat(index).isEqualTo(done[0]);
            total[0] += rounds[index][0];
            total[1] += rounds[index][1];
            done[0]++;
            write(proc, total);
        });

        assertThat(done[0]).isEqualTo(3);
        assertThat(said).isEqualTo("3 rounds, the JIT compilers' share of the last one 5 %");
    }

    @Test
    void aServiceThatKeepsCompilingIsMeasuredAnywayOnceTheTimeIsUp(@TempDir Path proc) throws Exception {
        int[] total = {0, 0};
        write(proc, total);

        String said = WarmUp.untilCompiled(new ProcessGauges(proc, 100), Duration.ZERO, index -> {
            total[0] += 100;
            total[1] += 50;
            write(proc, total);
        });

        assertThat(said).isEqualTo("1 round, the JIT compilers' share of the last one 50 % (not settled in PT0S)");
    }

    private static void write(Path proc, int[] total) throws Exception {
        Files.writeString(proc.resolve("stat"), "4242 (java) S 1 4242 4242 0 -1 4194560 100 0 0 0 " + total[0]
                + " 0 0 0 20 0 40 0 123 456 789\n");
        Path compiler = Files.createDirectories(proc.resolve("task").resolve("4250"));
        Files.writeString(compiler.resolve("stat"), "4250 (C2 CompilerThre) S 1 4242 4242 0 -1 4194560 100 0 0 0 "
                + total[1] + " 0 0 0 20 0 40 0 123 456 789\n");
    }
}
