package org.reserveledger.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.ModelAttributeMethodProcessor;
import org.springframework.web.method.annotation.RequestParamMapMethodArgumentResolver;
import org.springframework.web.method.annotation.RequestParamMethodArgumentResolver;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.multipart.support.MultipartResolutionDelegate;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses, before the handler runs, a query parameter the endpoint does not read, and a parameter given more
 * than once where the endpoint takes one value (Spring would join the values with commas or keep the first).
 * What an endpoint reads is learnt from its handler method the way Spring MVC binds it: each parameter is
 * given to the argument resolver Spring would pick, so {@code @RequestParam} names (from the annotation or
 * the parameter's own name), implicit request parameters and bound objects' properties all count, and a
 * new endpoint is covered with nothing to list. An endpoint that takes a {@code @RequestParam Map} accepts
 * any parameter.
 */
final class StrictQueryParameters implements HandlerInterceptor {

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private final ObjectProvider<RequestMappingHandlerAdapter> adapter;
    private final Map<Method, Accepted> accepted = new ConcurrentHashMap<>();

    StrictQueryParameters(ObjectProvider<RequestMappingHandlerAdapter> adapter) {
        this.adapter = adapter;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Accepted endpoint = accepted.computeIfAbsent(method.getMethod(), key -> accepted(method));
        if (endpoint.any()) {
            return true;
        }
        Map<String, Integer> given = given(request.getQueryString());
        for (String name : given.keySet()) {
            if (!endpoint.names().contains(name)) {
                throw new InvalidRequest(name, "is not a parameter of this endpoint; "
                        + (endpoint.names().isEmpty() ? "it accepts none" : "it accepts: " + String.join(", ", endpoint.names())));
            }
        }
        given.forEach((name, times) -> {
            if (times > 1 && !endpoint.repeatable().contains(name)) {
                throw new InvalidRequest(name, "is given " + times + " times; this endpoint takes one value");
            }
        });
        return true;
    }

    /** Each parameter name of the query string, decoded as Tomcat decodes it, with how many times it is given. */
    static Map<String, Integer> given(String query) {
        Map<String, Integer> names = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return names;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String raw = equals < 0 ? pair : pair.substring(0, equals);
            if (raw.isEmpty()) {
                continue;
            }
            String name;
            try {
                name = URLDecoder.decode(raw, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // The firewall refuses escapes Tomcat cannot decode; should one pass, it is named as sent.
                name = raw;
            }
            names.merge(name, 1, Integer::sum);
        }
        return names;
    }

    private Accepted accepted(HandlerMethod method) {
        List<HandlerMethodArgumentResolver> resolvers = adapter.getObject().getArgumentResolvers();
        Set<String> names = new LinkedHashSet<>();
        Set<String> repeatable = new LinkedHashSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            HandlerMethodArgumentResolver resolver = resolvers == null ? null : resolvers.stream()
                    .filter(candidate -> candidate.supportsParameter(parameter)).findFirst().orElse(null);
            if (resolver instanceof RequestParamMapMethodArgumentResolver) {
                return new Accepted(true, Set.of(), Set.of());
            }
            if (resolver instanceof RequestParamMethodArgumentResolver
                    && !MultipartResolutionDelegate.isMultipartArgument(parameter.nestedIfOptional())) {
                String name = requestParamName(parameter);
                names.add(name);
                if (multiValued(parameter.nestedIfOptional().getNestedParameterType())) {
                    repeatable.add(name);
                }
            } else if (resolver instanceof ModelAttributeMethodProcessor) {
                boundProperties(parameter.nestedIfOptional().getNestedParameterType(), names, repeatable);
            }
        }
        return new Accepted(false, names, repeatable);
    }

    private static String requestParamName(MethodParameter parameter) {
        RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
        if (annotation != null && !annotation.name().isEmpty()) {
            return annotation.name();
        }
        if (annotation != null && !annotation.value().isEmpty()) {
            return annotation.value();
        }
        MethodParameter named = parameter.clone();
        named.initParameterNameDiscovery(NAMES);
        return named.getParameterName();
    }

    /** What data binding sets on an object: its constructor's arguments (a record's components) and its setters. */
    private static void boundProperties(Class<?> type, Set<String> names, Set<String> repeatable) {
        Constructor<?> constructor;
        try {
            constructor = BeanUtils.getResolvableConstructor(type);
        } catch (IllegalStateException e) {
            // No constructor data binding can use: binding would fail on any request, whatever it names.
            return;
        }
        String[] discovered = NAMES.getParameterNames(constructor);
        for (int i = 0; i < constructor.getParameterCount(); i++) {
            BindParam bound = constructor.getParameters()[i].getAnnotation(BindParam.class);
            String name = bound != null ? bound.value() : discovered == null ? null : discovered[i];
            if (name != null) {
                names.add(name);
                if (multiValued(constructor.getParameterTypes()[i])) {
                    repeatable.add(name);
                }
            }
        }
        for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
            if (property.getWriteMethod() != null) {
                names.add(property.getName());
                if (multiValued(property.getPropertyType())) {
                    repeatable.add(property.getName());
                }
            }
        }
    }

    private static boolean multiValued(Class<?> type) {
        return type.isArray() || Collection.class.isAssignableFrom(type);
    }

    /**
     * @param any        whether the endpoint reads every parameter itself
     * @param names      the parameters it reads, in the order it declares them
     * @param repeatable those of them that take several values
     */
    private record Accepted(boolean any, Set<String> names, Set<String> repeatable) {
    }
}
