package org.reserveledger.api.web.container;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.ApiIntegrationTest;
import org.reserveledger.api.support.RawHttp;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Requests that Tomcat, the firewall or the servlet container refuse before a controller runs,
 * sent over a raw socket because HTTP clients will not send most of them. Each is answered with
 * an RFC 9457 problem of its status, never Tomcat's HTML page or a 500, and appends nothing.
 */
class ContainerRefusalsTest extends ApiIntegrationTest {

    private static final String TOKEN = "Authorization: Bearer " + Api.tokenOf("GOVERNANCE") + "\r\n";
    private static final String SITE_BODY = "{\"siteId\":\"%s\",\"name\":\"Raw\",\"state\":\"NV\",\"capacityTonnes\":10}";

    static Stream<Arguments> refusals() {
        String manyParameters = IntStream.range(0, 101).mapToObj(i -> "p" + i + "=1").collect(Collectors.joining("&"));
        return Stream.of(
                arguments("a header over 8 KB", 400,
                        get("/api/v1/sites", "X-Padding: " + "a".repeat(9 * 1024) + "\r\n")),
                arguments("more than 100 query parameters", 400, get("/api/v1/sites?" + manyParameters, TOKEN)),
                arguments("an encoded slash in the path", 400, get("/api/v1/sites/NV-A%2FB/lots", TOKEN)),
                arguments("TRACE", 405, RawHttp.ascii("TRACE /api/v1/sites HTTP/1.1\r\nHost: localhost\r\n"
                        + "Connection: close\r\n\r\n")),
                arguments("a request line with a fourth part", 400,
                        RawHttp.ascii("GET /api/v1/sites HTTP/1.1 extra\r\nHost: localhost\r\n\r\n")),
                arguments("a control character in the method", 400,
                        RawHttp.ascii("G\u0001T /api/v1/sites HTTP/1.1\r\nHost: localhost\r\n\r\n")),
                arguments("no Host header", 400, RawHttp.ascii("GET /api/v1/sites HTTP/1.1\r\nConnection: close\r\n\r\n")),
                arguments("a query parameter without a name", 400, get("/api/v1/sites?=x", TOKEN)),
                arguments("a bad percent escape in the query", 400, get("/api/v1/sites?a=%ZZ", TOKEN)),
                arguments("a bad percent escape in a view's query", 400,
                        get("/api/v1/views/inventory-by-site?valueDate=%E0%A4%A", TOKEN)));
    }

    @ParameterizedTest(name = "{0} is a {1} problem")
    @MethodSource("refusals")
    void isAProblemOfItsStatusAndAppendsNothing(String description, int status, byte[] request) {
        long before = eventCount();

        RawHttp.Response response = RawHttp.exchange(port, request);

        assertProblem(response, status, "urn:problem-type:reserve-ledger:http-" + status);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aBodyShorterThanItsContentLengthIsA400ProblemOnTheHalfClosedConnection() {
        long before = eventCount();
        String partial = String.format(SITE_BODY, "NV-RAW-PARTIAL").substring(0, 12);

        RawHttp.Response response = RawHttp.exchange(port, RawHttp.ascii("POST /api/v1/sites HTTP/1.1\r\n"
                + "Host: localhost\r\n" + TOKEN + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                + partial), true);

        assertProblem(response, 400, "urn:problem-type:reserve-ledger:http-400");
        assertThat(response.closed()).isTrue();
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anIdempotencyKeyInUtf8IsA400NamingTheHeader() {
        // Cyrillic letters: UTF-8 bytes that read as C1 control characters in ISO-8859-1, which the firewall refuses.
        byte[] cyrillic = "ключ".getBytes(StandardCharsets.UTF_8);
        // An accented letter: bytes that read as printable ISO-8859-1 characters, which the command's own check refuses.
        byte[] accented = "café".getBytes(StandardCharsets.UTF_8);
        for (byte[] key : new byte[][]{cyrillic, accented}) {
            long before = eventCount();

            RawHttp.Response response = RawHttp.exchange(port, postSite("NV-UTF8-KEY", key));

            JsonNode problem = assertProblem(response, 400, "urn:problem-type:reserve-ledger:invalid-request");
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
            assertThat(eventCount()).isEqualTo(before);
        }
        assertThat(as("GOVERNANCE").get("/api/v1/sites").body()).doesNotContain("NV-UTF8-KEY");
    }

    @Test
    void theErrorPathAskedForDirectlyIsA404ProblemAndNoPartOfTheApi() {
        Api.Response response = as(null).get("/error");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:problem-type:reserve-ledger:http-404");
        assertThat(as(null).get("/v3/api-docs").json().get("paths").has("/error")).isFalse();
    }

    private static JsonNode assertProblem(RawHttp.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContainIgnoringCase("<html");
        assertThat(response.header("X-Content-Type-Options")).as(response.toString()).isEqualTo("nosniff");
        assertThat(response.header("Cache-Control")).as(response.toString()).contains("no-store");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        return problem;
    }

    private static byte[] get(String target, String headers) {
        return RawHttp.ascii("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "Connection: close\r\n\r\n");
    }

    private static byte[] postSite(String siteId, byte[] idempotencyKey) {
        byte[] body = RawHttp.ascii(String.format(SITE_BODY, siteId));
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(RawHttp.ascii("POST /api/v1/sites HTTP/1.1\r\nHost: localhost\r\n" + TOKEN
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n"
                + "Idempotency-Key: "));
        request.writeBytes(idempotencyKey);
        request.writeBytes(RawHttp.ascii("\r\n\r\n"));
        request.writeBytes(body);
        return request.toByteArray();
    }
}
