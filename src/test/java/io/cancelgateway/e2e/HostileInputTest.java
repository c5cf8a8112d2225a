package io.cancelgateway.e2e;

import static io.cancelgateway.e2e.ErpJmsClient.correlatedWith;
import static io.cancelgateway.e2e.ErpJmsClient.queueName;
import static io.cancelgateway.e2e.ErpJmsClient.text;
import static io.cancelgateway.e2e.RestCancelTest.API_KEY;
import static io.cancelgateway.e2e.RestCancelTest.cancel;
import static io.cancelgateway.e2e.RestCancelTest.simulatorCalls;
import static io.cancelgateway.e2e.RestCancelTest.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.jms.Message;

import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Input an attacker or a careless ERP sends: each is refused with a clear reason and poisons, hangs or leaks nothing. */
@QuarkusTest
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anIdOutsideVisibleAsciiIsInvalidAndLeavesNoRequestInProgress() {
        String requestId = unique("cyrillic-");
        given().header("X-Api-Key", API_KEY).contentType(ContentType.JSON)
                .body(Map.of("request_id", requestId, "provider", "juspay-order", "merchant_id", "m\u0430",
                        "reference", unique("ord")))
                .when().post("/api/v1/cancellations")
                .then().statusCode(400)
                .body("outcome", equalTo("INVALID"))
                .body("error", startsWith("merchant_id must be visible ASCII"));

        given().header("X-Api-Key", API_KEY).when().get("/api/v1/cancellations/" + requestId)
                .then().statusCode(200).body("outcome", equalTo("INVALID"));
    }

    @Test
    void theApiKeyAndTheIdempotencyKeyCountOnlyInTheirHeaders() {
        given().queryParam("X-Api-Key", API_KEY).contentType(ContentType.JSON)
                .body(Map.of("provider", "hyperswitch", "reference", unique("q")))
                .when().post("/api/v1/cancellations")
                .then().statusCode(401).body("error", equalTo("unauthorized"));
        given().header("X-Api-Key", API_KEY).queryParam("Idempotency-Key", "from-the-query")
                .contentType(ContentType.JSON)
                .body(Map.of("provider", "hyperswitch", "reference", unique("q")))
                .when().post("/api/v1/cancellations")
                .then().statusCode(200).body("request_id", org.hamcrest.Matchers.not("from-the-query"));
        given().header("X-Api-Key", API_KEY).queryParam("request_id", "posing-as-the-path")
                .when().get("/api/v1/cancellations/" + unique("absent-"))
                .then().statusCode(404);
    }

    @Test
    void anInstantNoDatabaseHoldsIsABadParameter() {
        given().header("X-Api-Key", API_KEY).urlEncodingEnabled(false)
                .when().get("/api/v1/cancellations?since=%2B1000000000-01-01T00:00:00Z")
                .then().statusCode(400).body("error", equalTo("bad_parameter"))
                .body("detail", startsWith("since must lie between the years 0001 and 9999"));
    }

    @Test
    void theJsonIsReadStrictly() {
        for (String body : List.of("{\"provider\":\"hyperswitch\",\"reference\":true}",
                "{\"provider\":\"hyperswitch\",\"reference\":12345}",
                "{\"provider\":\"hyperswitch\",\"reference\":\"pay_1\"} trailing",
                "{\"provider\":\"hyperswitch\",\"reference\":\"pay_1\",\"reference\":\"pay_2\"}")) {
            given().header("X-Api-Key", API_KEY).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/cancellations")
                    .then().statusCode(400).body("error", equalTo("malformed_request"));
        }
        cancel(Map.of("provider", "hyperswitch", "reference", ".")).statusCode(400)
                .body("outcome", equalTo("INVALID"));
    }

    @ParameterizedTest(name = "Idempotency-Key \"{0}\"")
    @ValueSource(strings = { "", "has space", "." })
    void anIdempotencyKeyThatIsNoRequestIdIsInvalidNamingTheHeader(String key) {
        String reference = unique("pay_bad_key");
        given().header("X-Api-Key", API_KEY).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("request_id", unique("good-id-"), "provider", "hyperswitch", "reference", reference))
                .when().post("/api/v1/cancellations")
                .then().statusCode(400).body("outcome", equalTo("INVALID"))
                .body("error", equalTo("the Idempotency-Key header must be 1 to 128 characters of letters, digits, "
                        + "'.', '_', ':' or '-', not starting with '-', and not '.' or '..'"));
        assertThat(simulatorCalls("hyperswitch", reference)).isZero();
    }

    @Test
    void anIdempotencyKeyReusedForAnotherRequestIsRefusedWithoutACall() {
        String key = unique("reused-");
        String first = unique("pay_first");
        String second = unique("pay_second");
        given().header("X-Api-Key", API_KEY).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("provider", "hyperswitch", "reference", first))
                .when().post("/api/v1/cancellations").then().statusCode(200);

        given().header("X-Api-Key", API_KEY).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("provider", "hyperswitch", "reference", second))
                .when().post("/api/v1/cancellations")
                .then().statusCode(422).body("error", equalTo("idempotency_key_reused"));

        assertThat(simulatorCalls("hyperswitch", second)).isZero();
        given().header("X-Api-Key", API_KEY).when().get("/api/v1/cancellations/" + key)
                .then().statusCode(200).body("reference", equalTo(first));
    }

    @Test
    void anOversizedJmsMessageIsAnsweredInvalidWithoutBeingParsed() throws Exception {
        try (ErpJmsClient erp = ErpJmsClient.connect()) {
            String body = "{\"provider\":\"hyperswitch\",\"reference\":\"" + "x".repeat(70_000) + "\"}";
            String messageId = erp.sendText(body);

            Message answer = erp.receive(queueName("result-queue"), correlatedWith(messageId), Duration.ofSeconds(20));

            JsonNode result = JSON.readTree(text(answer));
            assertThat(result.path("outcome").asText()).isEqualTo("INVALID");
            assertThat(result.path("error").asText()).isEqualTo("the message body has "
                    + body.getBytes(StandardCharsets.UTF_8).length + " bytes; the limit is 65536 "
                    + "(cancel.jms.max-message-bytes)");
        }
        given().header("X-Api-Key", API_KEY).when().get("/api/v1/cancellations?limit=500")
                .then().statusCode(200);
    }

    @Test
    void aCsvRowTooLongGetsTheFileRefusedBeforeAnyRowIsProcessed() throws Exception {
        String name = unique("oversized-") + ".csv";
        String first = unique("pay_row1");
        Inbox.drop(name, "provider,reference\nhyperswitch," + first + "\nhyperswitch," + "x".repeat(20_000) + "\n");

        Path error = Inbox.failedFolder().resolve(name.replace(".csv", ".error.txt"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(error));

        assertThat(Files.readString(error)).startsWith("the row starting on line 3 is longer than 16384 bytes "
                + "(cancel.file.max-line-bytes)");
        assertThat(simulatorCalls("hyperswitch", first)).isZero();
    }

    @Test
    void theInboxReadsRegularFilesOnlyAndNeverThroughALink() throws Exception {
        String fifo = unique("fifo-") + ".csv";
        Process mkfifo = new ProcessBuilder("mkfifo", Inbox.inbox().resolve(fifo).toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        String link = unique("link-") + ".csv";
        Files.createSymbolicLink(Inbox.inbox().resolve(link), Path.of("/etc/passwd"));
        // 250 bytes: too long for Camel's read lock marker (<name>.camelLock) as well as for the results file's name.
        String longPrefix = unique("long-");
        String longName = (longPrefix + "n".repeat(246)).substring(0, 246) + ".csv";
        Inbox.drop(longName, "provider,reference\nhyperswitch," + unique("pay_long") + "\n");
        // Not a CSV file: not the channel's, however long its name.
        String longOther = (unique("o") + "o".repeat(246)).substring(0, 246) + ".txt";
        Inbox.drop(longOther, "not for the gateway\n");

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(Inbox.failedFolder().resolve(fifo))
                && Files.isSymbolicLink(Inbox.failedFolder().resolve(link))
                && Files.exists(Inbox.failedFolder().resolve(longName)));
        assertThat(Files.readString(Inbox.failedFolder().resolve(fifo.replace(".csv", ".error.txt"))))
                .startsWith("not a regular file (a FIFO, socket or device)");
        String linkError = Files.readString(Inbox.failedFolder().resolve(link.replace(".csv", ".error.txt")));
        assertThat(linkError).startsWith("not a regular file (a symbolic link)").doesNotContain("root:");
        try (var failed = Files.list(Inbox.failedFolder())) {
            assertThat(failed.map(path -> path.getFileName().toString()).filter(file -> file.startsWith(longPrefix)
                    && file.endsWith(".error.txt")).findFirst().map(file -> {
                        try {
                            return Files.readString(Inbox.failedFolder().resolve(file));
                        } catch (java.io.IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })).hasValueSatisfying(reason -> assertThat(reason).startsWith("the file name is 250 bytes long"));
        }

        // The inbox goes on: a good file dropped after them is answered.
        String good = unique("after-") + ".csv";
        Inbox.drop(good, "provider,reference\nhyperswitch," + unique("pay_after") + "\n");
        List<CSVRecord> results = Inbox.awaitResults(good, ',', new ArrayList<>());
        assertThat(results).singleElement().satisfies(row -> assertThat(row.get("outcome")).isEqualTo("CANCELLED"));
        assertThat(Inbox.inbox().resolve(longOther)).exists();
        assertThat(Inbox.failedFolder().resolve(longOther)).doesNotExist();
        Files.delete(Inbox.inbox().resolve(longOther));
    }

    @Test
    void aFolderLinkedIntoTheInboxIsNeverEntered() throws Exception {
        // A link to another client's folders, say: whatever is there is not the inbox's, to read or to move.
        Path elsewhere = Files.createTempDirectory("not-the-inbox");
        String name = unique("elsewhere-") + ".csv";
        String reference = unique("pay_elsewhere");
        Files.writeString(elsewhere.resolve(name), "provider,reference\nhyperswitch," + reference + "\n");
        Path link = Files.createSymbolicLink(Inbox.inbox().resolve(unique("linked-")), elsewhere);
        try {
            // Two files answered after it: polls have passed over the link.
            for (int i = 0; i < 2; i++) {
                String good = unique("after-link-") + ".csv";
                Inbox.drop(good, "provider,reference\nhyperswitch," + unique("pay_after_link") + "\n");
                Inbox.awaitResults(good, ',', new ArrayList<>());
            }

            assertThat(elsewhere.resolve(name)).exists();
            assertThat(Inbox.failedFolder().resolve(name)).doesNotExist();
            assertThat(simulatorCalls("hyperswitch", reference)).isZero();
        } finally {
            Files.delete(link);
        }
    }

    @Test
    void aFileWhoseNameJavaCannotDecodeIsSaidOnceAndHoldsUpNoOtherFile() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        String prefix = unique("latin1-");
        // Byte 0xE9 alone ('é' in Latin-1) is not UTF-8, nor ASCII: Java lists the name with U+FFFD in its place.
        try (LogCapture capture = LogCapture.start("io.cancelgateway", lines::add)) {
            Process touch = new ProcessBuilder("sh", "-c",
                    "printf 'provider,reference\n' > \"$0/$1$(printf '\\351').csv\"", Inbox.inbox().toString(), prefix)
                    .start();
            assertThat(touch.waitFor()).isZero();
            for (int i = 0; i < 2; i++) {
                String good = unique("after-undecodable-") + ".csv";
                Inbox.drop(good, "provider,reference\nhyperswitch," + unique("pay_after_undecodable") + "\n");
                Inbox.awaitResults(good, ',', new ArrayList<>());
            }
        } finally {
            Process remove = new ProcessBuilder("sh", "-c", "rm -f \"$0/$1\"*", Inbox.inbox().toString(), prefix).start();
            assertThat(remove.waitFor()).isZero();
        }

        // Two files answered after it: polls passed over it, and it was said once.
        assertThat(lines).filteredOn(line -> line.contains(prefix)).singleElement().satisfies(line -> assertThat(line)
                .startsWith("WARN file name=\"" + prefix + "\uFFFD.csv\" left in the inbox: its name is not in the "
                        + "encoding the service reads file names in")
                .contains("run the service with a UTF-8 locale"));
    }

    @Test
    void aFileThatFailsIsLoggedWithItsNameEscapedAndTriedAgain() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        String name = unique("esc-\u001b[2J-") + ".csv";
        // A folder where its results are written: processing the file fails until it is gone.
        Path inTheWay = Inbox.outbox().resolve("." + name + ".results.part").resolve("in-the-way");
        Files.createDirectories(inTheWay);
        // The service's own lines: Camel's file component logs the names it reads at DEBUG as they are.
        try (LogCapture capture = LogCapture.start("io.cancelgateway", lines::add)) {
            Inbox.drop(name, "provider,reference\nhyperswitch," + unique("pay_esc") + "\n");
            await().atMost(Duration.ofSeconds(20)).until(() -> lines.stream()
                    .anyMatch(line -> line.contains("left in the inbox to be processed again")));
            Files.delete(inTheWay);
            Files.delete(inTheWay.getParent());

            assertThat(Inbox.awaitResults(name, ',', new ArrayList<>())).hasSize(1);
        }
        assertThat(lines).noneMatch(line -> line.indexOf('\u001b') >= 0);
    }

    @Test
    void resultsFilesKeepSpreadsheetsFromRunningCellsAndLogLinesEscapeWhatCouldForgeThem() throws Exception {
        List<String> lines = new ArrayList<>();
        String name = unique("formulas-") + ".csv";
        try (LogCapture capture = LogCapture.start(lines::add)) {
            Inbox.drop(name, "provider,reference,reason\nhyperswitch,\"=HYPERLINK(\"\"http://x\"\")\",\"=1+1\"\n"
                    + "hyperswitch,\"a\u001b[2Jb\",\n");
            List<CSVRecord> results = Inbox.awaitResults(name, ',', new ArrayList<>());
            assertThat(results.get(0).get("reference")).isEqualTo("'=HYPERLINK(\"http://x\")");
            assertThat(results.get(0).get("reason")).isEqualTo("'=1+1");
            assertThat(results.get(0).get("outcome")).isEqualTo("INVALID");
        }
        assertThat(lines).noneMatch(line -> line.indexOf('\u001b') >= 0);
        assertThat(lines).anyMatch(line -> line.contains("reference=\"a\\u001b[2Jb\""));
    }

    @Test
    void aLinkPlantedWhereTheResultsAreWrittenIsNeverWrittenThrough() throws Exception {
        String name = unique("planted-") + ".csv";
        Path target = Files.createTempFile("cancel-gateway-planted-target", ".txt");
        Files.writeString(target, "untouched");
        Path partial = Inbox.outbox().resolve("." + name + ".results.part");
        Files.createSymbolicLink(partial, target);

        Inbox.drop(name, "provider,reference\nhyperswitch," + unique("pay_planted") + "\n");

        assertThat(Inbox.awaitResults(name, ',', new ArrayList<>())).hasSize(1);
        assertThat(Files.readString(target)).isEqualTo("untouched");
        assertThat(partial).doesNotExist();
    }

    @Test
    void aContentTypeInTheQueryStringIsNotTheRequestsOwn() throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        String body = "{\"provider\":\"hyperswitch\",\"reference\":\"" + unique("pay_query_type") + "\"}";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/cancellations?Content-Type=application/json HTTP/1.1\r\nHost: localhost\r\n"
                    + "X-Api-Key: " + API_KEY + "\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n"
                    + body).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 415 ").contains("\"error\":\"unsupported_media_type\"")
                    .contains("Content-Type must be application/json, was absent");
        }
    }

    @Test
    void aRequestFramedTwiceIsAnsweredAndItsConnectionClosed() throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        String body = "{\"provider\":\"hyperswitch\",\"reference\":\"" + unique("pay_smuggle") + "\"}";
        String chunked = Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/cancellations HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: " + API_KEY + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + chunked + "GET /q/health HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(answer).startsWith("HTTP/1.1 ").containsIgnoringCase("connection: close");
            assertThat(answer.split("HTTP/1.1 ", -1)).as("one answer, then the connection closed").hasSize(2);
        }
    }

    /**
     * Quarkus's HTTP server checks each request's URI, its query string too, before any route runs and refuses one it
     * cannot parse (a malformed escape such as {@code %zz}) with an empty 400 of its own, as the OpenAPI document says;
     * an escape it parses but that is not UTF-8 reaches the gateway, and no request id holds what it decodes to.
     */
    @Test
    void aUriTheHttpServerCannotParseIsRefusedBeforeTheGatewayReadsIt() throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        for (String path : List.of("/api/v1/cancellations/ab%zz", "/api/v1/cancellations/ab%2", "/api/v1/cancellations/%",
                "/api/v1/cancellations?since=%zz", "/api/v1/cancellations?limit=5%")) {
            try (Socket socket = new Socket("localhost", port)) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: " + API_KEY
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

                assertThat(answer).as(path).startsWith("HTTP/1.1 400 ").containsIgnoringCase("content-length: 0");
            }
        }
        given().header("X-Api-Key", API_KEY).urlEncodingEnabled(false).when().get("/api/v1/cancellations/ab%C3%28")
                .then().statusCode(404).body("error", equalTo("not_found"))
                .body("detail", containsString("request ids are 1 to 128 letters, digits"));
    }
}
