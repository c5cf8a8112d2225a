package io.cancelgateway.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * The report as machine-readable JSON: snake_case names, every figure present (null when not measured), decimals
 * rounded to three places, which is far below what one run can tell apart.
 */
final class ReportJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new SimpleModule()
                    .addSerializer(Double.class, new ThreePlaces())
                    .addSerializer(double.class, new ThreePlaces()));

    private ReportJson() {
    }

    static String write(BenchmarkReport report) throws IOException {
        return JSON.writeValueAsString(report) + "\n";
    }

    private static final class ThreePlaces extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator out, SerializerProvider serializers) throws IOException {
            out.writeNumber(BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros()
                    .toPlainString());
        }
    }
}
