package org.reserveledger.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.reserveledger.api.web.container.ContainerProblems;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Collections;
import java.util.List;

/**
 * Refuses a request whose {@code Accept} header cannot be parsed (400) or accepts nothing the endpoint
 * answers (406) before its handler runs: a command must not append events and then fail to write its
 * answer. The refusal is a problem whatever the client accepts, as RFC 9110 allows for errors.
 */
@Configuration(proxyBeanMethods = false)
class AcceptableResponses implements WebMvcConfigurer {

    private final JsonMapper json;

    AcceptableResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Check()).addPathPatterns("/api/**");
    }

    private final class Check implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws IOException {
            if (!(handler instanceof HandlerMethod method)) {
                return true;
            }
            List<MediaType> accepted;
            try {
                accepted = MediaType.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
            } catch (IllegalArgumentException e) {
                // InvalidMediaTypeException, and a quality that is no number, which MediaType lets through as it is.
                return refuse(request, response, 400, "the Accept header cannot be parsed: " + e.getMessage());
            }
            if (accepted.isEmpty()) {
                return true;
            }
            List<MediaType> produced = producedBy(method);
            boolean acceptable = accepted.stream().anyMatch(type -> type.getQualityValue() > 0
                    && produced.stream().anyMatch(type::isCompatibleWith));
            return acceptable || refuse(request, response, 406,
                    "this endpoint answers " + MediaType.toString(produced) + ", which the Accept header does not accept");
        }

        private static List<MediaType> producedBy(HandlerMethod method) {
            // Merged from @GetMapping, @PostMapping and the like.
            RequestMapping mapping = method.getMethodAnnotation(RequestMapping.class);
            String[] produces = mapping == null ? new String[0] : mapping.produces();
            return produces.length == 0 ? List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    : MediaType.parseMediaTypes(List.of(produces));
        }

        private boolean refuse(HttpServletRequest request, HttpServletResponse response, int status, String detail)
                throws IOException {
            ContainerProblems.write(json, response, ContainerProblems.at(ContainerProblems.of(status, detail),
                    request.getRequestURI()));
            return false;
        }
    }
}
