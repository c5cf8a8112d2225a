package io.cancelgateway.e2e;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** Calls to the management interface (health, metrics, OpenAPI), which listens on its own port. */
final class Operations {

    private Operations() {
    }

    static RequestSpecification given() {
        return RestAssured.given().port(port());
    }

    static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }
}
