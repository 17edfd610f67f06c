package org.reserveledger.api.web.container;

import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.ApiIntegrationTest;
import org.reserveledger.api.support.RawHttp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounds on a request body (application.yml: 1 MiB, read within 10 s): larger bodies are
 * refused 413 whether or not they declare their length, a body trickled byte by byte is cut off
 * 408 near the deadline, and the connection is closed rather than drained.
 */
class RequestBodyLimitsTest extends ApiIntegrationTest {

    private static final int LIMIT = 1024 * 1024;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final String HEAD = "POST /api/v1/sites HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
            + Api.tokenOf("GOVERNANCE") + "\r\nContent-Type: application/json\r\n";

    @Test
    void aDeclaredLengthOverTheLimitIs413BeforeAnyOfTheBodyIsSent() {
        long before = eventCount();

        RawHttp.Response response = RawHttp.exchange(port, RawHttp.ascii(HEAD + "Content-Length: 20000000\r\n\r\n"));

        assertProblem(response, 413);
        assertThat(response.closed()).isTrue();
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aClientThatWaitsFor100ContinueIsRefusedWithoutBeingInvitedToSend() {
        RawHttp.Response response = RawHttp.exchange(port,
                RawHttp.ascii(HEAD + "Expect: 100-continue\r\nContent-Length: 20000000\r\n\r\n"));

        // Tomcat would send "HTTP/1.1 100" first if it invited the body.
        assertThat(response.raw()).startsWith("HTTP/1.1 413");
        assertProblem(response, 413);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
        long before = eventCount();
        String chunk = Integer.toHexString(64 * 1024) + "\r\n" + " ".repeat(64 * 1024) + "\r\n";

        RawHttp.Response response = sendWhileReading(out -> {
            out.write(RawHttp.ascii(HEAD + "Transfer-Encoding: chunked\r\n\r\n"));
            for (int sent = 0; sent <= 2 * LIMIT; sent += 64 * 1024) {
                out.write(RawHttp.ascii(chunk));
            }
            out.write(RawHttp.ascii("0\r\n\r\n"));
        });

        assertProblem(response, 413);
        assertThat(response.closed()).isTrue();
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aBodyJustUnderTheLimitIsAcceptedChunkedOrNot() {
        for (boolean chunked : new boolean[]{false, true}) {
            String siteId = chunked ? "NV-LIMIT-CHUNKED" : "NV-LIMIT-LENGTH";
            String json = "{\"siteId\":\"" + siteId + "\",\"name\":\"Limit\",\"state\":\"NV\",\"capacityTonnes\":10}";
            // JSON allows any amount of whitespace between tokens: the padding makes the body large, not invalid.
            String body = json.replace("{", "{" + " ".repeat(LIMIT - json.length() - 1));
            assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSizeLessThan(LIMIT);
            String request = chunked
                    ? HEAD + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                    + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n"
                    : HEAD + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;

            RawHttp.Response response = RawHttp.exchange(port, RawHttp.ascii(request));

            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            assertThat(response.json().get("siteId").asString()).isEqualTo(siteId);
        }
    }

    @Test
    void aBodyTrickledAtOneBytePerSecondIsCutOffNearTheReadTimeout() throws Exception {
        long before = eventCount();
        byte[] body = RawHttp.ascii("{\"siteId\":\"NV-TRICKLE\",\"name\":\"Trickle\",\"state\":\"NV\",\"capacityTonnes\":10}");
        long started = System.nanoTime();

        RawHttp.Response response = sendWhileReading(out -> {
            out.write(RawHttp.ascii(HEAD + "Content-Length: " + body.length + "\r\n\r\n"));
            out.flush();
            for (byte b : body) {
                out.write(b);
                out.flush();
                Thread.sleep(1000);
            }
        });
        Duration held = Duration.ofNanos(System.nanoTime() - started);

        assertProblem(response, 408);
        assertThat(response.closed()).isTrue();
        // The whole body would take over a minute; it is cut off at the deadline plus at most one read.
        assertThat(held).isLessThan(READ_TIMEOUT.multipliedBy(2)).isLessThan(Duration.ofSeconds(body.length));
        assertThat(eventCount()).isEqualTo(before);
    }

    private interface Sender {
        void send(OutputStream out) throws IOException, InterruptedException;
    }

    /** Sends on one thread while reading the answer on this one, as a client does that sends more than is wanted. */
    private RawHttp.Response sendWhileReading(Sender sender) throws Exception {
        try (Socket socket = new Socket("localhost", port);
             ExecutorService sending = Executors.newSingleThreadExecutor()) {
            socket.setSoTimeout((int) Duration.ofSeconds(60).toMillis());
            sending.submit(() -> {
                try {
                    sender.send(socket.getOutputStream());
                } catch (IOException e) {
                    // The server refused and closed the connection: the point of the test.
                }
                return null;
            });
            RawHttp.Response response = RawHttp.read(socket.getInputStream());
            sending.shutdownNow();
            return response;
        }
    }

    private static void assertProblem(RawHttp.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:problem-type:reserve-ledger:http-" + status);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
    }
}
