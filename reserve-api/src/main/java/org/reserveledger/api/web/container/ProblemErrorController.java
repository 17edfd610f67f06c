package org.reserveledger.api.web.container;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * Answers the container's error dispatches (a method Tomcat refuses, a failure in a filter, a
 * status sent with {@code sendError}) with a problem, in place of Spring Boot's error JSON. Not
 * part of the API, so not in its OpenAPI document.
 */
@Hidden
@RestController
@RequestMapping("${server.error.path:/error}")
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final JsonMapper json;

    ProblemErrorController(JsonMapper json) {
        this.json = json;
    }

    @RequestMapping
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Without an error status the client asked for the error path itself, which names no resource.
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400
                ? code : HttpServletResponse.SC_NOT_FOUND;
        String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original
                ? original : request.getRequestURI();
        if (status >= 500 && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            log.error("Request to {} failed before or after its controller", uri, failure);
        }
        ProblemDetail problem = ContainerProblems.at(ContainerProblems.of(status, ContainerProblems.detailFor(status)), uri);
        if (!response.isCommitted()) {
            response.resetBuffer();
            ContainerProblems.write(json, response, problem);
        }
    }
}
