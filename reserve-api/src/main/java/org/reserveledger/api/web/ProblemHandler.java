package org.reserveledger.api.web;

import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.reserveledger.api.views.ProjectionBehind;
import org.reserveledger.domain.shared.BusinessDateInFuture;
import org.reserveledger.domain.shared.DomainRuleViolation;
import org.reserveledger.domain.shared.OutOfLedgerBounds;
import org.reserveledger.domain.shared.UnknownResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one place that turns refusals into RFC 9457 problems: malformed input 400 with field
 * errors (figures beyond the ledger's bounds and business dates after today among them), unknown
 * resources 404, domain rules 409, idempotency key reuse 422. Anything else is a fault of the
 * service, logged and answered 500 without internals.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final String TYPE_PREFIX = "urn:problem-type:reserve-ledger:";

    @ExceptionHandler(DomainRuleViolation.class)
    ProblemDetail ruleViolated(DomainRuleViolation e) {
        if (e instanceof OutOfLedgerBounds bounds) {
            // The product of fields each within its own limit: a fault of the request, whatever the state.
            ProblemDetail problem = withErrors(problem(HttpStatus.BAD_REQUEST, bounds.code(), bounds.getMessage()),
                    List.of(new FieldProblem(bounds.field(), bounds.getMessage())));
            problem.setProperty("code", bounds.code());
            return problem;
        }
        if (e instanceof BusinessDateInFuture future) {
            // A fact dated after today has not happened yet, whatever the state of the reserve.
            ProblemDetail problem = withErrors(problem(HttpStatus.BAD_REQUEST, future.code(), future.getMessage()),
                    List.of(new FieldProblem(future.field(), future.getMessage())));
            problem.setProperty("code", future.code());
            return problem;
        }
        ProblemDetail problem = problem(HttpStatus.CONFLICT, e.code(), e.getMessage());
        problem.setProperty("code", e.code());
        return problem;
    }

    @ExceptionHandler(UnknownResource.class)
    ProblemDetail unknown(UnknownResource e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownAggregate(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "nothing is recorded under '" + e.getAggregateIdentifier() + "'");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrent(ConcurrencyException e) {
        // Appending at a sequence number another node took first, or creating what already exists.
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "conflict",
                "the resource already exists or was changed at the same time; read it and retry");
        problem.setProperty("code", "conflict");
        return problem;
    }

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail commandFailed(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof DomainRuleViolation violation) {
            return ruleViolated(violation);
        }
        if (cause instanceof UnknownResource unknown) {
            return unknown(unknown);
        }
        log.error("Command failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "the command could not be completed");
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ProblemDetail keyReused(IdempotencyKeyReused e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", e.getMessage());
    }

    @ExceptionHandler(NotAllowed.class)
    ProblemDetail notAllowed(NotAllowed e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
    }

    @ExceptionHandler(ProjectionBehind.class)
    ResponseEntity<ProblemDetail> behind(ProjectionBehind e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "projection-behind", e.getMessage()));
    }

    @ExceptionHandler(InvalidRequest.class)
    ProblemDetail invalid(InvalidRequest e) {
        return withErrors(problem(HttpStatus.BAD_REQUEST, "invalid-request", "the request is invalid"),
                List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolated(ConstraintViolationException e) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return withErrors(problem(HttpStatus.BAD_REQUEST, "invalid-request", "the request is invalid"), errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return withErrors(problem(HttpStatus.BAD_REQUEST, "invalid-request", "the request is invalid"),
                List.of(new FieldProblem(e.getName(), "is not a valid value")));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "the service failed to handle this request");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), message(f)))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return ResponseEntity.badRequest()
                .body(withErrors(problem(HttpStatus.BAD_REQUEST, "invalid-request", "the request is invalid"), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest()
                .body(withErrors(problem(HttpStatus.BAD_REQUEST, "invalid-request", "the request is invalid"), errors));
    }

    /**
     * An {@code Accept} header refused before any handler runs, by Spring MVC for endpoints that declare what
     * they produce and by {@link AcceptableResponses} for the others; the refusal is a problem whatever was
     * accepted.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e,
                                                                      HttpHeaders headers, HttpStatusCode status,
                                                                      WebRequest request) {
        boolean parsed;
        try {
            MediaType.parseMediaTypes(request.getHeader(HttpHeaders.ACCEPT));
            parsed = true;
        } catch (IllegalArgumentException unparseable) {
            parsed = false;
        }
        ProblemDetail problem = parsed
                ? problem(HttpStatus.NOT_ACCEPTABLE, "http-406", "this endpoint answers "
                + MediaType.toString(e.getSupportedMediaTypes()) + ", which the Accept header does not accept")
                : problem(HttpStatus.BAD_REQUEST, "http-400", "the Accept header cannot be parsed");
        // A content type set here is written as it is, without matching it against Accept again.
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-body", "the request body is not valid");
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            withErrors(problem, List.of(new FieldProblem(path(unknown), "is not a field of this request")));
        } else if (cause instanceof InvalidFormatException format) {
            withErrors(problem, List.of(new FieldProblem(path(format), "must be " + typeName(format.getTargetType()))));
        } else if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            withErrors(problem, List.of(new FieldProblem(path(mismatch), "must be " + typeName(mismatch.getTargetType()))));
        } else if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            withErrors(problem, List.of(new FieldProblem(path(databind), "is not valid here")));
        } else if (cause instanceof MismatchedInputException) {
            problem.setDetail("the request body must be a JSON object");
        } else if (cause instanceof StreamReadException || cause instanceof JacksonException) {
            problem.setDetail("the request body is not well-formed JSON");
        } else {
            problem.setDetail("a JSON request body is required");
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || problem.getType().equals(URI.create("about:blank")))) {
            problem.setType(URI.create(TYPE_PREFIX + "http-" + statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        return problem;
    }

    private static ProblemDetail withErrors(ProblemDetail problem, List<FieldProblem> errors) {
        problem.setProperty("errors", errors.stream()
                .map(error -> Map.of("field", error.field(), "message", error.message()))
                .toList());
        return problem;
    }

    private static String message(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static String path(DatabindException e) {
        return e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "a value of the right type";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a JSON number";
        }
        if (type == String.class) {
            return "a JSON string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == java.time.LocalDate.class) {
            return "a date YYYY-MM-DD";
        }
        if (type == java.time.Instant.class) {
            return "an ISO-8601 UTC instant";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        return "a value of the right type";
    }

    private record FieldProblem(String field, String message) {
    }
}
