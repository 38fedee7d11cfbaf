package dev.billinggateway.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.security.AccessPolicy;
import dev.billinggateway.security.AccessPolicy.Need;
import dev.billinggateway.security.AccessPolicy.Verdict;
import dev.billinggateway.security.Introspection;
import dev.billinggateway.security.SecurityConfig;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Checks a GraphQL request before SmallRye sees it, so that nothing is resolved (and nothing sent to a
 * provider) for a request that is refused:
 * <ol>
 * <li>the body size ({@code quarkus.http.limits.max-body-size}): 413, code VALIDATION;</li>
 * <li>the caller ({@link AccessPolicy}): no, bad or expired token: 401, code UNAUTHENTICATED;</li>
 * <li>malformed JSON, GraphQL syntax errors and too many tokens ({@code gateway.limits.max-query-tokens}):
 * VALIDATION errors that say what is wrong and where (SmallRye would answer without an error code);</li>
 * <li>introspection while {@code gateway.graphql.introspection-enabled=false}: VALIDATION;</li>
 * <li>the role: a mutation needs {@code billing-write}, anything else {@code billing-read}: 403, code FORBIDDEN.</li>
 * </ol>
 * Depth and complexity are checked by graphql-java after validation ({@code GraphQLSetup}).
 */
@ApplicationScoped
public class GraphQLRequestGuard {

    @Inject
    ObjectMapper mapper;

    @Inject
    AccessPolicy access;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "256K")
    MemorySize maxBodySize;

    @Inject
    SecurityConfig.Limits limits;

    @Inject
    SecurityConfig.Exposure exposure;

    /** Most grammar tokens a GraphQL document may have (graphql-java's own default is 15000). */
    int maxQueryTokens;

    boolean introspectionEnabled;

    /**
     * Documents that parsed, by query text: clients send the same few queries again and again, so each is
     * parsed once. Bounded by the total length of the texts held, since one text may be as large as a body.
     */
    final Cache<String, Document> parsed = Caffeine.newBuilder().maximumWeight(PARSED_CACHE_CHARS)
            .weigher((String query, Document document) -> query.length()).build();

    static final long PARSED_CACHE_CHARS = 4_000_000;

    void install(@Observes Router router) {
        maxQueryTokens = limits.maxQueryTokens();
        introspectionEnabled = exposure.introspectionEnabled();
        router.route(HttpMethod.POST, "/graphql").order(-10)
                .handler(BodyHandler.create(false).setBodyLimit(maxBodySize.asLongValue())) // no file uploads to disk
                .handler(this::check)
                .failureHandler(this::failed);
        // everything else under the GraphQL path (GET /graphql when enabled, the printed schema): readers only
        router.route("/graphql/*").order(-9).handler(this::checkOther);
        router.route(HttpMethod.GET, "/graphql").order(-9).handler(this::checkOther);
    }

    void check(RoutingContext ctx) {
        Context context = Vertx.currentContext();
        access.identify(ctx).subscribe().with(
                identity -> on(context, () -> checkBody(ctx, identity)),
                failure -> on(context, () -> refuse(ctx, access.failed(failure))));
    }

    private void checkBody(RoutingContext ctx, io.quarkus.security.identity.SecurityIdentity identity) {
        Verdict caller = access.decide(identity, Need.READ);
        if (!caller.ok() && "UNAUTHENTICATED".equals(caller.code())) {
            refuse(ctx, caller);
            return;
        }
        String contentType = ctx.request().getHeader("Content-Type");
        String type = contentType == null ? "" : contentType.toLowerCase();
        byte[] raw = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        String query;
        String operationName = null;
        if (type.startsWith("application/json")) {
            JsonNode body;
            try {
                body = mapper.readTree(raw);
            } catch (Exception e) {
                reject(ctx, 400, "the request body is not valid JSON", null, "InvalidSyntax", null);
                return;
            }
            if (body == null || !body.isObject() || !body.path("query").isTextual()) {
                reject(ctx, 400, "the request body must be a JSON object with a string field 'query'", null, "InvalidSyntax", null);
                return;
            }
            query = body.get("query").asText();
            operationName = body.path("operationName").isTextual() ? body.get("operationName").asText() : null;
        } else if (type.startsWith("application/graphql")) {
            query = new String(raw, StandardCharsets.UTF_8);
        } else {
            // SmallRye answers other media types itself (415); nothing is executed, but only a known caller gets that far
            if (!caller.ok()) {
                refuse(ctx, caller);
            } else {
                ctx.next();
            }
            return;
        }
        Document document = parsed.getIfPresent(query);
        if (document == null) {
            try {
                document = parse(query);
            } catch (ParseCancelledException e) {
                // graphql-java says which parser limit was hit: grammar tokens (configurable here) or nesting depth
                boolean tokens = String.valueOf(e.getMessage()).contains("token");
                reject(ctx, 200, e.getMessage() + (tokens ? " (gateway.limits.max-query-tokens=" + maxQueryTokens + ")" : ""), null,
                        "InvalidSyntax", tokens ? "max-query-tokens" : "max-query-nesting");
                return;
            } catch (InvalidSyntaxException e) {
                List<Map<String, Object>> locations = e.getLocation() == null ? List.of()
                        : List.of(Map.of("line", e.getLocation().getLine(), "column", e.getLocation().getColumn()));
                reject(ctx, 200, "Invalid syntax: " + e.getMessage(), locations, "InvalidSyntax", null);
                return;
            }
            parsed.put(query, document);
        }
        if (!introspectionEnabled && Introspection.uses(document)) {
            reject(ctx, 200, "introspection is disabled on this gateway (gateway.graphql.introspection-enabled)", null,
                    "ValidationError", "introspection-disabled");
            return;
        }
        Verdict verdict = access.decide(identity, mutates(document, operationName) ? Need.WRITE : Need.READ);
        if (!verdict.ok()) {
            refuse(ctx, verdict);
            return;
        }
        ctx.next();
    }

    /** Parses with the token limit; also used by the WebSocket transport ({@code live.LiveSocket}). */
    public Document parse(String query) {
        ParserOptions options = ParserOptions.getDefaultOperationParserOptions().transform(b -> b.maxTokens(maxQueryTokens));
        return new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(query).parserOptions(options).build());
    }

    /**
     * Whether the operation that will run is a mutation: the named one, else the only one. When that is
     * ambiguous (SmallRye will refuse it anyway) any mutation in the document counts.
     */
    public static boolean mutates(Document document, String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        for (OperationDefinition op : operations) {
            boolean selected = operationName == null ? operations.size() == 1 : operationName.equals(op.getName());
            if (selected) {
                return op.getOperation() == OperationDefinition.Operation.MUTATION;
            }
        }
        return operations.stream().anyMatch(op -> op.getOperation() != OperationDefinition.Operation.QUERY);
    }

    void checkOther(RoutingContext ctx) {
        if (ctx.request().method() == HttpMethod.POST && ctx.normalizedPath().equals("/graphql")) {
            ctx.next(); // checked by check()
            return;
        }
        Context context = Vertx.currentContext();
        if (!introspectionEnabled && ctx.normalizedPath().endsWith("schema.graphql")) {
            reject(ctx, 404, "the schema is not published on this gateway (gateway.graphql.introspection-enabled)", null,
                    "ValidationError", "introspection-disabled");
            return;
        }
        access.identify(ctx).subscribe().with(
                identity -> on(context, () -> {
                    Verdict verdict = access.decide(identity, Need.READ);
                    if (verdict.ok()) {
                        ctx.next();
                    } else {
                        refuse(ctx, verdict);
                    }
                }),
                failure -> on(context, () -> refuse(ctx, access.failed(failure))));
    }

    void failed(RoutingContext ctx) {
        if (ctx.statusCode() == 413) {
            reject(ctx, 413, "the request body is larger than " + maxBodySize.asLongValue() + " bytes (quarkus.http.limits.max-body-size)",
                    null, "ValidationError", "max-body-size");
            return;
        }
        ctx.next();
    }

    private static void on(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }

    private void refuse(RoutingContext ctx, Verdict verdict) {
        if (verdict.status() == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", verdict.message());
        error.put("extensions", Map.of("code", verdict.code()));
        write(ctx, verdict.status(), error);
    }

    private void reject(RoutingContext ctx, int status, String message, List<Map<String, Object>> locations, String classification,
            String rule) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        if (locations != null) {
            error.put("locations", locations);
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", ErrorCode.VALIDATION.name());
        extensions.put("classification", classification);
        if (rule != null) {
            extensions.put("rule", rule);
        }
        error.put("extensions", extensions);
        write(ctx, status, error);
    }

    private void write(RoutingContext ctx, int status, Map<String, Object> error) {
        if (ctx.response().ended()) {
            return;
        }
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(mapper.writeValueAsString(Map.of("errors", List.of(error))));
        } catch (Exception e) {
            ctx.fail(e);
        }
    }
}
