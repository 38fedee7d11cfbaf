package dev.billinggateway.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.billinggateway.domain.ErrorCode;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Checks a GraphQL request before SmallRye sees it: SmallRye answers a body it cannot parse without an
 * error code, so malformed JSON and GraphQL syntax errors are answered here, as VALIDATION errors that
 * say what is wrong and where.
 */
@ApplicationScoped
public class GraphQLRequestGuard {

    @Inject
    ObjectMapper mapper;

    void install(@Observes Router router) {
        router.route(HttpMethod.POST, "/graphql").order(-10).handler(BodyHandler.create()).handler(this::check);
    }

    void check(RoutingContext ctx) {
        String contentType = ctx.request().getHeader("Content-Type");
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            ctx.next(); // SmallRye answers other media types itself (415 or application/graphql)
            return;
        }
        JsonNode body;
        try {
            body = mapper.readTree(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes());
        } catch (Exception e) {
            reject(ctx, 400, "the request body is not valid JSON", null);
            return;
        }
        if (body == null || !body.isObject() || !body.path("query").isTextual()) {
            reject(ctx, 400, "the request body must be a JSON object with a string field 'query'", null);
            return;
        }
        try {
            ParserOptions options = ParserOptions.getDefaultOperationParserOptions();
            new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(body.get("query").asText())
                    .parserOptions(options).build());
        } catch (InvalidSyntaxException e) {
            List<Map<String, Object>> locations = e.getLocation() == null ? List.of()
                    : List.of(Map.of("line", e.getLocation().getLine(), "column", e.getLocation().getColumn()));
            reject(ctx, 200, "Invalid syntax: " + e.getMessage(), locations);
            return;
        }
        ctx.next();
    }

    private void reject(RoutingContext ctx, int status, String message, List<Map<String, Object>> locations) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        if (locations != null) {
            error.put("locations", locations);
        }
        error.put("extensions", Map.of("code", ErrorCode.VALIDATION.name(), "classification", "InvalidSyntax"));
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(mapper.writeValueAsString(Map.of("errors", List.of(error))));
        } catch (Exception e) {
            ctx.fail(e);
        }
    }
}
