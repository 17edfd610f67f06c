package org.reserveledger.api.security;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bearer token that authenticates nobody is counted by reason and logged without the token.
 * The log interval is zero here so that every failure writes its line.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "reserve.security.authentication-failures.log-interval=0s")
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class AuthenticationFailureTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry, AuthenticationFailureTest.class);
    }

    @Test
    void unknownMalformedAndOverlongTokensAreCountedAndLoggedWithoutTheToken(CapturedOutput output) throws Exception {
        String unknown = "Zx9Qm2Lp7Rt4Vw8Ys3Nb6Kd1Hj5Gf0Ca";
        String malformed = "not<a>token\"Qm2Lp7Rt4Vw8";
        String overlong = "Lp7Rt4Vw".repeat(100);
        Map<String, String> tokens = Map.of("unknown", unknown, "malformed", malformed, "too-long", overlong);
        Map<String, Double> before = Map.of("unknown", failures("unknown"), "malformed", failures("malformed"),
                "too-long", failures("too-long"));

        for (String token : tokens.values()) {
            assertThat(statusWith("Bearer " + token)).isEqualTo(401);
        }
        assertThat(statusWith("Bearer " + Api.tokenOf("AUDITOR"))).isEqualTo(200);

        tokens.forEach((reason, token) -> {
            assertThat(failures(reason)).as(reason).isEqualTo(before.get(reason) + 1);
            String digestPrefix = TokenDigest.sha256Hex(token).substring(0, 8);
            assertThat(output.getOut()).contains("Authentication failed (" + reason + "): token sha256 " + digestPrefix);
            assertThat(output.getAll()).doesNotContain(token.substring(0, 16));
        });
        assertThat(output.getAll()).doesNotContain(Api.tokenOf("AUDITOR"));
    }

    private double failures(String reason) {
        return meters.get(AuthenticationFailures.METRIC).tag("reason", reason).counter().count();
    }

    private int statusWith(String authorization) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/minerals"))
                .header("Authorization", authorization)
                .GET()
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
