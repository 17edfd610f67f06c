package org.reserveledger.api.fuzz;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operations of the service's OpenAPI document, read with swagger-core's 3.1 model, with every
 * {@code $ref} resolved into plain shapes the request generator walks.
 */
final class ApiDocument {

    private ApiDocument() {
    }

    static List<Operation> operations(String json) {
        OpenAPI document;
        try {
            document = Json31.mapper().readValue(json, OpenAPI.class);
        } catch (Exception e) {
            throw new IllegalStateException("the service's OpenAPI document does not parse", e);
        }
        Map<String, Schema> components = document.getComponents() == null || document.getComponents().getSchemas() == null
                ? Map.of() : document.getComponents().getSchemas();
        List<Operation> operations = new ArrayList<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            List<Param> pathParams = new ArrayList<>();
            List<Param> queryParams = new ArrayList<>();
            for (Parameter parameter : operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters()) {
                Param param = new Param(parameter.getName(), shape(parameter.getSchema(), components, 0),
                        Boolean.TRUE.equals(parameter.getRequired()));
                if ("path".equals(parameter.getIn())) {
                    pathParams.add(param);
                } else if ("query".equals(parameter.getIn())) {
                    queryParams.add(param);
                }
            }
            Shape body = null;
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                var media = operation.getRequestBody().getContent().get("application/json");
                if (media != null) {
                    body = shape(media.getSchema(), components, 0);
                }
            }
            operations.add(new Operation(method.name(), path, pathParams, queryParams, body, streams(operation.getResponses())));
        }));
        operations.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return operations;
    }

    private static boolean streams(io.swagger.v3.oas.models.responses.ApiResponses responses) {
        if (responses == null) {
            return false;
        }
        return responses.values().stream().map(io.swagger.v3.oas.models.responses.ApiResponse::getContent)
                .filter(content -> content != null)
                .map(Content::keySet)
                .anyMatch(types -> types.contains("text/event-stream"));
    }

    private static Shape shape(Schema<?> schema, Map<String, Schema> components, int depth) {
        if (schema == null || depth > 8) {
            return new Shape("object", null, List.of(), null, null, null, Map.of(), Set.of());
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            return shape(components.get(name), components, depth + 1);
        }
        String type = schema.getType();
        if (type == null && schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            type = schema.getTypes().stream().filter(t -> !t.equals("null")).findFirst().orElse("string");
        }
        Map<String, Shape> properties = new LinkedHashMap<>();
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> properties.put(name, shape(property, components, depth + 1)));
        }
        if (type == null) {
            type = properties.isEmpty() ? "string" : "object";
        }
        List<String> enumValues = schema.getEnum() == null ? List.of() : schema.getEnum().stream().map(String::valueOf).toList();
        return new Shape(type, schema.getFormat(), enumValues, schema.getMinimum(), schema.getMaximum(),
                schema.getItems() == null ? null : shape(schema.getItems(), components, depth + 1),
                properties, schema.getRequired() == null ? Set.of() : new LinkedHashSet<>(schema.getRequired()));
    }

    /** One method on one path template, e.g. {@code POST /api/v1/sites/{siteId}/deposits}. */
    record Operation(String method, String path, List<Param> pathParams, List<Param> queryParams, Shape body,
                     boolean streams) {

        boolean command() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Param(String name, Shape shape, boolean required) {
    }

    /** A schema reduced to what generation needs: its type, format, enum, bounds, items and properties. */
    record Shape(String type, String format, List<String> enumValues, BigDecimal minimum, BigDecimal maximum, Shape items,
                 Map<String, Shape> properties, Set<String> required) {
    }
}
