package org.reserveledger.api.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * What every {@code /api/v1} request must satisfy before its handler runs, beside an acceptable
 * {@code Accept} header ({@link AcceptableResponses}): query parameters the endpoint reads, each once
 * unless it takes several ({@link StrictQueryParameters}), and a usable {@code X-Correlation-Id} on a
 * command ({@link CommandCorrelation}). A refusal here appends nothing.
 */
@Configuration(proxyBeanMethods = false)
class ApiRequestChecks implements WebMvcConfigurer {

    /** Looked up at the first request: the adapter is built from the configurers, this one among them. */
    private final ObjectProvider<RequestMappingHandlerAdapter> adapter;

    ApiRequestChecks(ObjectProvider<RequestMappingHandlerAdapter> adapter) {
        this.adapter = adapter;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new StrictQueryParameters(adapter)).addPathPatterns("/api/v1/**");
        registry.addInterceptor(CommandCorrelation.refusal()).addPathPatterns("/api/v1/**");
    }
}
