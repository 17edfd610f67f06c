package org.reserveledger.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Collections;
import java.util.List;

/**
 * Refuses a request whose {@code Accept} header admits nothing the endpoint answers before its handler
 * runs: a command must not append events and then fail to write its answer. Endpoints that declare what
 * they produce are matched by Spring MVC already; this covers the JSON ones that do not. The refusal is
 * {@link ProblemHandler}'s, which tells an unparseable header (400) from an unmet one (406).
 */
@Configuration(proxyBeanMethods = false)
class AcceptableResponses implements WebMvcConfigurer {

    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Check()).addPathPatterns("/api/**");
    }

    private static final class Check implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws HttpMediaTypeNotAcceptableException {
            if (!(handler instanceof HandlerMethod method) || declaresWhatItProduces(method)) {
                return true;
            }
            List<MediaType> accepted;
            try {
                accepted = MediaType.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
            } catch (IllegalArgumentException e) {
                // InvalidMediaTypeException, and a quality that is no number, which MediaType lets through as it is.
                throw new HttpMediaTypeNotAcceptableException(JSON);
            }
            boolean acceptable = accepted.isEmpty() || accepted.stream().anyMatch(type -> type.getQualityValue() > 0
                    && JSON.stream().anyMatch(type::isCompatibleWith));
            if (!acceptable) {
                throw new HttpMediaTypeNotAcceptableException(JSON);
            }
            return true;
        }

        private static boolean declaresWhatItProduces(HandlerMethod method) {
            // Merged from @GetMapping, @PostMapping and the like.
            RequestMapping mapping = method.getMethodAnnotation(RequestMapping.class);
            return mapping != null && mapping.produces().length > 0;
        }
    }
}
