package io.cancelgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ThroughputChartTest {

    @Test
    void aWellFormedSvgWithABarPerMeasuredChannel() throws Exception {
        Document svg = parse(ThroughputChart.svg(SampleReports.withoutJms(false)));

        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg.getDocumentElement().getAttribute("xmlns")).isEqualTo("http://www.w3.org/2000/svg");
        List<Element> bars = elements(svg, "rect").subList(1, elements(svg, "rect").size());
        assertThat(bars).hasSize(3);
        assertThat(bars.get(0).getAttribute("fill")).as("the baseline's bar is grey").isEqualTo("#9e9e9e");
        double baselineWidth = Double.parseDouble(bars.get(0).getAttribute("width"));
        double restWidth = Double.parseDouble(bars.get(1).getAttribute("width"));
        assertThat(restWidth / baselineWidth).as("bars are to scale").isBetween(0.40, 0.41);
    }

    @Test
    void labelsGiveEachChannelsRatiosAndNameWhatIsNotMeasured() throws Exception {
        Document svg = parse(ThroughputChart.svg(SampleReports.withoutJms(false)));

        List<String> texts = elements(svg, "text").stream().map(Element::getTextContent).toList();
        assertThat(texts).contains("baseline", "rest", "file", "jms", "not measured", "3077/s",
                "1250/s = 0.41 of baseline, 0.39 of ideal");
        assertThat(texts).anyMatch(text -> text.startsWith("baseline: direct calls"));
        assertThat(texts).anyMatch(text -> text.startsWith("ideal: concurrency / latency"));
    }

    @Test
    void theAxisHasRoundSteps() {
        assertThat(ThroughputChart.axisStep(3360)).isEqualTo(1000.0);
        assertThat(ThroughputChart.axisStep(1000)).isEqualTo(200.0);
        assertThat(ThroughputChart.axisStep(21)).isEqualTo(5.0);
    }

    @Test
    void textIsEscaped() {
        assertThat(ThroughputChart.escape("a < b & \"c\" > d")).isEqualTo("a &lt; b &amp; &quot;c&quot; &gt; d");
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }
}
