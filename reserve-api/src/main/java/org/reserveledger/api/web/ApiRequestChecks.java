package org.reserveledger.api.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What every {@code /api/v1} request must satisfy before its handler runs, beside an acceptable
 * {@code Accept} header ({@link AcceptableResponses}): a usable {@code X-Correlation-Id} on a command
 * ({@link CommandCorrelation}). A refusal here appends nothing.
 */
@Configuration(proxyBeanMethods = false)
class ApiRequestChecks implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(CommandCorrelation.refusal()).addPathPatterns("/api/v1/**");
    }
}
