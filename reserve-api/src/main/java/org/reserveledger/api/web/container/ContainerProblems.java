package org.reserveledger.api.web.container;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;

/**
 * The problem written for a refusal that carries nothing but its status, in the shape the
 * exception handlers give {@code http-<status>} problems.
 */
public final class ContainerProblems {

    static final String NO_STORE = "no-store";
    static final String NOSNIFF_HEADER = "X-Content-Type-Options";
    static final String NOSNIFF = "nosniff";

    private static final String TYPE_PREFIX = "urn:problem-type:reserve-ledger:http-";

    private ContainerProblems() {
    }

    public static ProblemDetail of(int status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setType(URI.create(TYPE_PREFIX + status));
        if (problem.getTitle() == null) {
            problem.setTitle(status < 500 ? "Request refused" : "Service failure");
        }
        return problem;
    }

    /** The reason phrase as a sentence, for refusals that have nothing more to say. */
    public static String detailFor(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "the request was refused" : "the request was refused: " + known.getReasonPhrase();
    }

    /** Names the request the problem answers, unless its path is one {@link URI} cannot hold. */
    public static ProblemDetail at(ProblemDetail problem, String requestUri) {
        try {
            problem.setInstance(URI.create(requestUri));
        } catch (IllegalArgumentException e) {
            // Tomcat let the path through but java.net.URI refuses it: the problem is as clear without it.
        }
        return problem;
    }

    /** Writes the problem with the headers every API response carries, which Spring Security may not have written. */
    public static void write(JsonMapper json, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
        response.setHeader(NOSNIFF_HEADER, NOSNIFF);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
