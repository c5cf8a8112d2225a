package io.cancelgateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Every default has one home: a property that {@code application.properties} sets has no {@code @WithDefault} in its
 * configuration mapping as well, where the two could drift apart unnoticed (the file's value would win).
 */
class ConfigDefaultsTest {

    @Test
    void noMappingRepeatsADefaultThatApplicationPropertiesSets() throws Exception {
        Properties file = new Properties();
        try (InputStream in = ConfigDefaultsTest.class.getResourceAsStream("/application.properties")) {
            file.load(in);
        }
        List<Class<?>> mappings = mappings();
        List<String> defaults = new ArrayList<>();
        for (Class<?> mapping : mappings) {
            collectDefaults(mapping, mapping.getAnnotation(ConfigMapping.class).prefix(), defaults);
        }

        assertThat(mappings).as("configuration mappings found").hasSizeGreaterThanOrEqualTo(10);
        assertThat(defaults).as("defaults of the mappings").hasSizeGreaterThanOrEqualTo(10);
        assertThat(defaults.stream().filter(file::containsKey).toList())
                .as("properties with a @WithDefault that application.properties sets too").isEmpty();
    }

    /** The properties of a mapping (and of its groups) that have a {@code @WithDefault}. */
    private static void collectDefaults(Class<?> type, String prefix, List<String> defaults) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.isDefault() || method.getParameterCount() > 0) {
                continue;
            }
            WithName named = method.getAnnotation(WithName.class);
            String property = prefix + "." + (named != null ? named.value() : kebab(method.getName()));
            if (method.isAnnotationPresent(WithDefault.class)) {
                defaults.add(property);
            } else if (method.getReturnType().isInterface() && method.getReturnType().getName().startsWith(
                    "io.cancelgateway.")) {
                collectDefaults(method.getReturnType(), property, defaults);
            }
        }
    }

    private static String kebab(String name) {
        return name.replaceAll("([A-Z])", "-$1").toLowerCase();
    }

    private static List<Class<?>> mappings() throws IOException, URISyntaxException, ClassNotFoundException {
        // The service's compiled classes, where application.properties is packaged.
        Path classes = Path.of(ConfigDefaultsTest.class.getResource("/application.properties").toURI()).getParent();
        List<Class<?>> mappings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("io/cancelgateway"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ConfigDefaultsTest.class.getClassLoader());
                if (type.isAnnotationPresent(ConfigMapping.class)) {
                    mappings.add(type);
                }
            }
        }
        return mappings;
    }
}
