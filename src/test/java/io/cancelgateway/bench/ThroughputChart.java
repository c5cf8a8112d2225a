package io.cancelgateway.bench;

import java.util.List;
import java.util.Locale;

/**
 * The report's throughput per channel as an SVG bar chart: one bar per channel, the baseline's throughput as a dashed
 * line across all bars and each channel's ideal {@code concurrency / latency} as a tick on its own bar.
 */
final class ThroughputChart {

    private static final int LEFT = 80;
    private static final int PLOT_WIDTH = 480;
    private static final int RIGHT = 330;
    private static final int TOP = 56;
    private static final int BAR_HEIGHT = 26;
    private static final int BAR_GAP = 14;

    private ThroughputChart() {
    }

    static String svg(BenchmarkReport report) {
        List<ChannelFigures> channels = report.channels();
        Double baseline = channels.stream().filter(c -> c.channel().equals("baseline") && c.measured())
                .map(ChannelFigures::throughput).findFirst().orElse(null);
        double scale = channels.stream().filter(ChannelFigures::measured)
                .mapToDouble(c -> Math.max(c.throughput(), c.ideal() == null ? 0 : c.ideal())).max().orElse(1) * 1.05;
        int plotHeight = channels.size() * (BAR_HEIGHT + BAR_GAP);
        int width = LEFT + PLOT_WIDTH + RIGHT;
        int height = TOP + plotHeight + 64;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"13\">%n", width, height, width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        BenchmarkReport.RunConditions run = report.run();
        svg.append(text(LEFT, 22, "start", "bold", "Throughput per channel (cancels per second)"));
        svg.append(text(LEFT, 40, "start", "normal", String.format(Locale.ROOT,
                "%s, %d ms provider latency, concurrency %d, %d cores", run.startedAt(), run.latencyMs(),
                run.concurrency(), run.cores())));
        int y = TOP;
        for (ChannelFigures channel : channels) {
            svg.append(text(LEFT - 8, y + 18, "end", "normal", channel.channel()));
            if (!channel.measured()) {
                svg.append(text(LEFT + 6, y + 18, "start", "italic", "not measured"));
            } else {
                double barWidth = PLOT_WIDTH * channel.throughput() / scale;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                        + "fill=\"%s\"/>%n", LEFT, y, barWidth, BAR_HEIGHT,
                        channel.channel().equals("baseline") ? "#9e9e9e" : "#1f77b4"));
                if (channel.ideal() != null) {
                    double idealX = LEFT + PLOT_WIDTH * channel.ideal() / scale;
                    svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                            + "stroke=\"#d62728\" stroke-width=\"3\"/>%n", idealX, y - 3, idealX, y + BAR_HEIGHT + 3));
                }
                svg.append(text(LEFT + PLOT_WIDTH + 8, y + 18, "start", "normal", label(channel)));
            }
            y += BAR_HEIGHT + BAR_GAP;
        }
        if (baseline != null) {
            double x = LEFT + PLOT_WIDTH * baseline / scale;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#555\" "
                    + "stroke-dasharray=\"5,4\"/>%n", x, TOP - 6, x, TOP + plotHeight - BAR_GAP + 6));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                LEFT, TOP - 6, LEFT, TOP + plotHeight - BAR_GAP + 6));
        int axis = TOP + plotHeight - BAR_GAP + 6;
        double step = axisStep(scale);
        for (double tick = 0; tick <= scale; tick += step) {
            double x = LEFT + PLOT_WIDTH * tick / scale;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/>%n",
                    x, axis, x, axis + 4));
            svg.append(text((int) Math.round(x), axis + 17, "middle", "normal", String.format(Locale.ROOT, "%.0f", tick)));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                LEFT, axis, LEFT + PLOT_WIDTH, axis));
        int legend = axis + 40;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\" "
                + "stroke-dasharray=\"5,4\"/>%n", LEFT, legend - 4, LEFT + 24, legend - 4));
        svg.append(text(LEFT + 30, legend, "start", "normal", "baseline: direct calls to the simulated provider"));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#d62728\" "
                + "stroke-width=\"3\"/>%n", LEFT + 12, legend + 8, LEFT + 12, legend + 22));
        svg.append(text(LEFT + 30, legend + 20, "start", "normal", "ideal: concurrency / latency"));
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** A round step (1, 2 or 5 times a power of ten) giving four to ten ticks up to {@code max}. */
    static double axisStep(double max) {
        double rough = max / 5;
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double factor : new double[] {1, 2, 5}) {
            if (factor * power >= rough) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    private static String label(ChannelFigures channel) {
        String throughput = String.format(Locale.ROOT, "%.0f/s", channel.throughput());
        if (channel.channel().equals("baseline")) {
            return throughput;
        }
        return throughput + String.format(Locale.ROOT, " = %s of baseline, %s of ideal",
                ResultsTable.decimal(channel.ratio(), 2), ResultsTable.decimal(channel.ratioToIdeal(), 2));
    }

    private static String text(int x, int y, String anchor, String style, String content) {
        String weight = style.equals("bold") ? " font-weight=\"bold\"" : "";
        String italic = style.equals("italic") ? " font-style=\"italic\" fill=\"#777\"" : "";
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\"%s%s>%s</text>%n", x, y, anchor,
                weight, italic, escape(content));
    }

    static String escape(String content) {
        return content.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
