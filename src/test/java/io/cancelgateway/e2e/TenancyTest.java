package io.cancelgateway.e2e;

import static io.cancelgateway.e2e.RestCancelTest.simulatorCalls;
import static io.cancelgateway.e2e.RestCancelTest.unique;
import static io.cancelgateway.e2e.TwoClients.KEY_A;
import static io.cancelgateway.e2e.TwoClients.KEY_B;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cancelgateway.journal.CancelJournal;
import io.cancelgateway.journal.Claim;
import io.cancelgateway.journal.FollowUp;
import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Channel;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.model.SyncState;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Two clients on one gateway: each cancels only for its own merchants and providers, and sees, lists, retries and
 * syncs only its own requests, on REST and through its own inbox folder; a request id is each client's own.
 */
@QuarkusTest
@TestProfile(TwoClients.class)
class TenancyTest {

    @Inject
    CancelJournal journal;

    @Test
    void aClientCancelsOnlyForItsOwnMerchantsAndProviders() {
        String reference = unique("pay");

        cancel(KEY_A, Map.of("provider", "hyperswitch", "merchant_id", "m-a1", "reference", reference))
                .statusCode(200).body("outcome", equalTo("CANCELLED"));
        String otherMerchant = unique("pay");
        String refused = unique("forbidden");
        cancel(KEY_A, Map.of("request_id", refused, "provider", "hyperswitch", "merchant_id", "m-b",
                "reference", otherMerchant))
                .statusCode(403).body("error", equalTo("forbidden"))
                .body("detail", containsString("may not cancel for merchant m-b"));
        cancel(KEY_B, Map.of("provider", "kwikpaisa", "merchant_id", "m-b", "reference", otherMerchant))
                .statusCode(403).body("detail", containsString("may not cancel at kwikpaisa"));
        cancel(KEY_A, Map.of("provider", "hyperswitch", "reference", otherMerchant))
                .statusCode(403).body("detail", containsString("name one in merchant_id"));
        // juspay-order's default merchant (sim_merchant) is none of erp-a's.
        cancel(KEY_A, Map.of("provider", "juspay-order", "reference", otherMerchant))
                .statusCode(403).body("detail", containsString("may not cancel for merchant sim_merchant"));

        assertThat(simulatorCalls("hyperswitch", otherMerchant)).isZero();
        assertThat(simulatorCalls("kwikpaisa", otherMerchant)).isZero();
        assertThat(simulatorCalls("juspay-order", otherMerchant)).isZero();
        get(KEY_A, "/api/v1/cancellations/" + refused).statusCode(404);
        get(KEY_B, "/api/v1/cancellations/" + refused).statusCode(404);
    }

    @Test
    void aClientLimitedToMerchantsNeverCallsWithTheProvidersSharedCredentials() {
        // m-a2 has no Hyperswitch key of its own: the provider's is an account every caller shares, where erp-a could
        // reach another client's payment by its reference.
        String reference = unique("pay");
        cancel(KEY_A, Map.of("provider", "hyperswitch", "merchant_id", "m-a2", "reference", reference))
                .statusCode(502).body("outcome", equalTo("AUTH_FAILED")).body("retryable", equalTo(false))
                .body("error", equalTo("no credentials of merchant m-a2 configured for hyperswitch: client erp-a may "
                        + "cancel only for its own merchants, with their own credentials, never the provider's shared "
                        + "ones; set cancel.providers.hyperswitch.merchants.m-a2.api-key"));
        assertThat(simulatorCalls("hyperswitch", reference)).isZero();

        // The single tenant, every merchant's, calls with the provider's.
        cancel(RestCancelTest.API_KEY, Map.of("provider", "hyperswitch", "merchant_id", "m-a2", "reference", reference))
                .statusCode(200).body("outcome", equalTo("CANCELLED"));
        assertThat(simulatorCalls("hyperswitch", reference)).isEqualTo(1);
    }

    @Test
    void aStatusCheckOfAClientLimitedToMerchantsCallsWithTheirOwnCredentialsOnly() {
        // A result followed for m-a2 (its own key removed from the configuration since its cancel, say).
        String requestId = unique("followed-m-a2");
        String reference = unique("pay");
        CancelRequest request = new CancelRequest(requestId, "hyperswitch", "m-a2", reference, null, null, null);
        String token = ((Claim.Owned) journal.claim("erp-a", request, Channel.REST, false, Duration.ofMinutes(2)))
                .token();
        CancelResult pending = CancelResult.withoutCall(request, Outcome.PENDING, null)
                .withSync(SyncState.FOLLOWING, Instant.now().plus(Duration.ofHours(1)).toString(), null, 0);
        assertThat(journal.complete("erp-a", requestId, token, pending, List.of(),
                new FollowUp(Instant.now().plus(Duration.ofDays(1)), null), false)).isTrue();

        given().header("X-Api-Key", KEY_A).when().post("/api/v1/cancellations/" + requestId + "/sync")
                .then().statusCode(200).body("outcome", equalTo("PENDING")).body("sync_state", equalTo("FOLLOWING"));

        given().queryParam("provider", "hyperswitch").queryParam("reference", reference).when().get("/simulator/calls")
                .then().statusCode(200).body("status_calls", equalTo(0));
    }

    @Test
    void eachClientSeesOnlyItsOwnRequestsUnderTheSameRequestId() {
        String requestId = unique("shared");
        String forA = unique("pay");
        String forB = unique("pay");

        cancel(KEY_A, Map.of("request_id", requestId, "provider", "hyperswitch", "merchant_id", "m-a1",
                "reference", forA)).statusCode(200).body("replayed", equalTo(false));
        cancel(KEY_B, Map.of("request_id", requestId, "provider", "hyperswitch", "merchant_id", "m-b",
                "reference", forB)).statusCode(200).body("replayed", equalTo(false)).body("reference", equalTo(forB));

        get(KEY_A, "/api/v1/cancellations/" + requestId).statusCode(200).body("reference", equalTo(forA));
        get(KEY_B, "/api/v1/cancellations/" + requestId).statusCode(200).body("reference", equalTo(forB));
        get(RestCancelTest.API_KEY, "/api/v1/cancellations/" + requestId).statusCode(404);
        get(KEY_A, "/api/v1/cancellations/" + requestId + "/attempts").statusCode(200)
                .body("items.size()", equalTo(1));
        given().header("X-Api-Key", KEY_B).queryParam("reference", forA).when().get("/api/v1/cancellations")
                .then().statusCode(200).body("items.size()", equalTo(0));
        given().header("X-Api-Key", KEY_A).queryParam("reference", forA).when().get("/api/v1/cancellations")
                .then().statusCode(200).body("items.request_id", contains(requestId));
        assertThat(simulatorCalls("hyperswitch", forA)).isEqualTo(1);
        assertThat(simulatorCalls("hyperswitch", forB)).isEqualTo(1);
    }

    @Test
    void anotherClientsRequestCannotBeReadRetriedOrSynced() {
        String requestId = unique("own");
        cancel(KEY_A, Map.of("request_id", requestId, "provider", "hyperswitch", "merchant_id", "m-a1",
                "reference", unique("down-pay"))).statusCode(502);

        for (String path : List.of("", "/attempts")) {
            get(KEY_B, "/api/v1/cancellations/" + requestId + path).statusCode(404);
        }
        for (String path : List.of("/retry", "/sync")) {
            given().header("X-Api-Key", KEY_B).when().post("/api/v1/cancellations/" + requestId + path)
                    .then().statusCode(404);
        }
        given().header("X-Api-Key", KEY_A).when().post("/api/v1/cancellations/" + requestId + "/retry")
                .then().statusCode(502).body("outcome", equalTo("ERROR"));
    }

    @Test
    void aFileInAClientsFolderRunsAsThatClientAndItsResultsStayInItsOutbox() throws IOException {
        Path inbox = Inbox.inbox().resolve("erp-a");
        Path outbox = Inbox.outbox().resolve("erp-a");
        String name = unique("erp-a-orders") + ".csv";
        String own = unique("pay");
        String foreign = unique("pay");
        drop(inbox, name, "provider,merchant_id,reference\nhyperswitch,m-a1," + own + "\nhyperswitch,m-b,"
                + foreign + "\n");

        List<CSVRecord> results = awaitResults(outbox.resolve(name.replace(".csv", ".results.csv")));

        assertThat(results).extracting(row -> row.get("outcome")).containsExactly("CANCELLED", "INVALID");
        assertThat(results.get(1).get("error")).startsWith("forbidden: client erp-a may not cancel for merchant m-b");
        assertThat(simulatorCalls("hyperswitch", foreign)).isZero();
        assertThat(Inbox.outbox().resolve(name.replace(".csv", ".results.csv"))).doesNotExist();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve(".done").resolve(name)));
        given().header("X-Api-Key", KEY_A).queryParam("reference", own).when().get("/api/v1/cancellations")
                .then().statusCode(200).body("items.channel", contains("file"));
        given().header("X-Api-Key", KEY_B).queryParam("reference", own).when().get("/api/v1/cancellations")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aClientsLongFileHoldsUpNoOtherClientsFile() throws IOException {
        // 320 rows each answered after the simulator's slow wait (300 ms), 16 at a time: the file takes 6 s.
        String slow = unique("slow-long");
        String longName = unique("erp-a-long") + ".csv";
        Path longResults = Inbox.outbox().resolve("erp-a").resolve(longName.replace(".csv", ".results.csv"));
        drop(Inbox.inbox().resolve("erp-a"), longName, slowRowsOfErpA(slow, 320));
        await().atMost(Duration.ofSeconds(15)).until(() -> simulatorCalls("hyperswitch", slow + "-0") > 0);

        String shortName = unique("erp-b-short") + ".csv";
        String reference = unique("pay");
        drop(Inbox.inbox().resolve("erp-b"), shortName, "provider,merchant_id,reference\nhyperswitch,m-b,"
                + reference + "\n");

        List<CSVRecord> results = awaitResults(Inbox.outbox().resolve("erp-b")
                .resolve(shortName.replace(".csv", ".results.csv")));
        assertThat(longResults).as("erp-a's file, still in progress").doesNotExist();
        assertThat(results).extracting(row -> row.get("outcome")).containsExactly("CANCELLED");
        assertThat(awaitResults(longResults)).hasSize(320)
                .allSatisfy(row -> assertThat(row.get("outcome")).isEqualTo("CANCELLED"));
    }

    @Test
    void aFileRemovedWhileItWaitedBehindItsClientsLongFileIsForgottenWithoutAnError() throws Exception {
        String slow = unique("slow-ahead");
        Path inbox = Inbox.inbox().resolve("erp-a");
        String longName = unique("erp-a-ahead") + ".csv";
        String waiting = unique("erp-a-waiting") + ".csv";
        List<String> lines = new CopyOnWriteArrayList<>();
        try (LogCapture capture = LogCapture.start(lines::add)) {
            drop(inbox, longName, slowRowsOfErpA(slow, 320));
            await().atMost(Duration.ofSeconds(15)).until(() -> simulatorCalls("hyperswitch", slow + "-0") > 0);
            drop(inbox, waiting, "provider,merchant_id,reference\nhyperswitch,m-a1," + unique("pay") + "\n");
            // Handed over at a poll (Camel marks it read-locked), then removed before its turn.
            await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(inbox.resolve(waiting + ".camelLock")));
            Files.delete(inbox.resolve(waiting));

            awaitResults(Inbox.outbox().resolve("erp-a").resolve(longName.replace(".csv", ".results.csv")));
            await().atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(inbox.resolve(waiting + ".camelLock")));
        }
        assertThat(lines).noneMatch(line -> line.contains(waiting)
                && (line.startsWith("WARN") || line.startsWith("ERROR")));
        assertThat(inbox.resolve(".failed").resolve(waiting)).doesNotExist();
        assertThat(inbox.resolve(".done").resolve(waiting)).doesNotExist();
    }

    @Test
    void aFileInAFolderOfNoClientIsRefused() throws IOException {
        Path stranger = Inbox.inbox().resolve("nobody");
        Files.createDirectories(stranger);
        String name = unique("stray") + ".csv";
        String reference = unique("pay");
        drop(stranger, name, "provider,reference\nhyperswitch," + reference + "\n");

        Path failed = Inbox.failedFolder().resolve(name);
        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(failed));
        assertThat(Files.readString(Inbox.failedFolder().resolve(name.replace(".csv", ".error.txt"))))
                .contains("no client's");
        assertThat(simulatorCalls("hyperswitch", reference)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { ".done", ".failed", "outbox" })
    void aLinkInPlaceOfAClientsOwnFolderMovesNothingIntoAnotherClients(String own) throws Exception {
        // erp-a may write in its inbox folder: a link there in place of .done would have its files moved into erp-b's
        // inbox, to run as erp-b; in place of .failed the same; its outbox's, its results published as erp-b's.
        Path inbox = Inbox.inbox().resolve("erp-a");
        Path folder = own.equals("outbox") ? Inbox.outbox().resolve("erp-a") : inbox.resolve(own);
        Path otherClients = own.equals("outbox") ? Inbox.outbox().resolve("erp-b") : Inbox.inbox().resolve("erp-b");
        Path aside = folder.resolveSibling(unique(own.replace(".", "") + "-aside-"));
        String name = unique("erp-a-linked") + ".csv";
        String foreign = unique("pay");
        // A file without a reference column goes to .failed; the rest to .done after their results.
        String content = own.equals(".failed") ? "provider,merchant_id,order\nhyperswitch,m-b," + foreign + "\n"
                : "provider,merchant_id,reference\nhyperswitch,m-b," + foreign + "\n";
        List<String> lines = new CopyOnWriteArrayList<>();
        Files.move(folder, aside);
        Files.createSymbolicLink(folder, otherClients);
        try (LogCapture capture = LogCapture.start("io.cancelgateway", lines::add)) {
            drop(inbox, name, content);

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(lines)
                    .anySatisfy(line -> assertThat(line).contains(name)
                            .contains(folder + ": a symbolic link where the service keeps a folder of its own")));
            assertThat(otherClients.resolve(name)).doesNotExist();
            assertThat(otherClients.resolve(name.replace(".csv", ".results.csv"))).doesNotExist();
            assertThat(inbox.resolve(name)).exists();
        } finally {
            Files.delete(folder);
            Files.move(aside, folder);
        }

        // Once a folder is back in its place, the file goes on: its results published, itself archived, in erp-a's.
        Path archived = inbox.resolve(own.equals(".failed") ? ".failed" : ".done").resolve(name);
        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(archived));
        if (!own.equals(".failed")) {
            assertThat(awaitResults(Inbox.outbox().resolve("erp-a").resolve(name.replace(".csv", ".results.csv"))))
                    .extracting(row -> row.get("outcome")).containsExactly("INVALID");
        }
        assertThat(otherClients.resolve(name)).doesNotExist();
        assertThat(simulatorCalls("hyperswitch", foreign)).isZero();
    }

    /** Rows for erp-a's merchant whose references start with the simulator's slow- marker: each answered late. */
    private static String slowRowsOfErpA(String slowPrefix, int count) {
        StringBuilder rows = new StringBuilder("provider,merchant_id,reference\n");
        for (int i = 0; i < count; i++) {
            rows.append("hyperswitch,m-a1,").append(slowPrefix).append('-').append(i).append('\n');
        }
        return rows.toString();
    }

    static ValidatableResponse cancel(String key, Object body) {
        return given().header("X-Api-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cancellations").then();
    }

    static ValidatableResponse get(String key, String path) {
        return given().header("X-Api-Key", key).when().get(path).then();
    }

    static void drop(Path folder, String name, String content) throws IOException {
        Path hidden = folder.resolve("." + name + ".part");
        Files.writeString(hidden, content, StandardCharsets.UTF_8);
        Files.move(hidden, folder.resolve(name));
    }

    static List<CSVRecord> awaitResults(Path results) throws IOException {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> Files.exists(results));
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(results))).getRecords();
    }
}
