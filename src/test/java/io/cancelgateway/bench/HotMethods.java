package io.cancelgateway.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a recording's CPU samples fall: the methods on top of the sampled stacks (self time), the code areas (first
 * package segments) those methods belong to, and the gateway's own methods anywhere on the stacks (inclusive time:
 * which step of the flow the CPU is spent under).
 */
final class HotMethods {

    private HotMethods() {
    }

    record Share(String name, long samples, double percent) {
    }

    private static final String GATEWAY_PACKAGE = "io.cancelgateway.";

    record Profile(long samples, List<Share> methods, List<Share> areas, List<Share> gatewayInclusive) {

        String format(String title) {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s: %d CPU samples%n", title, samples));
            out.append("  hottest methods (self):\n");
            methods.forEach(share -> out.append(line(share)));
            out.append("  by code area (self):\n");
            areas.forEach(share -> out.append(line(share)));
            out.append("  gateway methods on the stack (inclusive):\n");
            gatewayInclusive.forEach(share -> out.append(line(share)));
            return out.toString();
        }

        private static String line(Share share) {
            return String.format(Locale.ROOT, "    %5.1f%%  %6d  %s%n", share.percent(), share.samples(), share.name());
        }
    }

    static Profile of(Path recording, int top) throws IOException {
        Map<String, Long> methods = new HashMap<>();
        Map<String, Long> areas = new HashMap<>();
        Map<String, Long> gateway = new HashMap<>();
        long samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                RecordedFrame frame = stack.getFrames().get(0);
                String type = frame.getMethod().getType().getName();
                methods.merge(type + "." + frame.getMethod().getName(), 1L, Long::sum);
                areas.merge(area(type), 1L, Long::sum);
                stack.getFrames().stream()
                        .map(onStack -> onStack.getMethod().getType().getName() + "." + onStack.getMethod().getName())
                        .filter(name -> name.startsWith(GATEWAY_PACKAGE) && !plumbing(name))
                        .distinct()
                        .forEach(name -> gateway.merge(name, 1L, Long::sum));
                samples++;
            }
        }
        return new Profile(samples, top(methods, samples, top), top(areas, samples, top),
                top(gateway, samples, top));
    }

    /** Lambda and CDI proxy frames only repeat the method they call, under a name that changes every run. */
    private static boolean plumbing(String method) {
        return method.contains("$$Lambda") || method.contains("_ClientProxy.");
    }

    /** The package a class belongs to, cut to three segments ({@code org.apache.camel}, {@code io.vertx.core}). */
    static String area(String className) {
        String[] parts = className.split("\\.");
        int segments = Math.min(3, parts.length - 1);
        return segments <= 0 ? className : String.join(".", List.of(parts).subList(0, segments));
    }

    private static List<Share> top(Map<String, Long> counts, long total, int top) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .map(entry -> new Share(entry.getKey(), entry.getValue(), 100.0 * entry.getValue() / total))
                .toList();
    }
}
