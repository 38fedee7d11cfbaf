package dev.billinggateway.api;

import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.billinggateway.domain.ErrorCode;
import dev.billinggateway.security.AccessPolicy;
import dev.billinggateway.security.AccessPolicy.Need;
import dev.billinggateway.security.AccessPolicy.Verdict;
import dev.billinggateway.security.ControlCharacters;
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
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.impl.RoutingContextInternal;

/**
 * The one entry path of {@code /graphql}: every method and media type passes here before SmallRye sees the
 * request, so that nothing is resolved (and nothing sent to a provider) for a request that is refused:
 * <ol>
 * <li>the method: {@code GET} and {@code POST} ({@code OPTIONS} is answered by SmallRye), anything else 405;</li>
 * <li>content negotiation ({@code Accept}): {@code application/graphql-response+json} or {@code application/json}
 * ({@code *}{@code /*} and no {@code Accept} mean {@code application/json}); anything else 406;</li>
 * <li>the body: {@code POST} with {@code application/json} (UTF-8) or {@code application/graphql}, else 415;
 * larger than {@code quarkus.http.limits.max-body-size}: 413;</li>
 * <li>the parameters' shapes ({@code query} a string, {@code operationName} a string, {@code variables} and
 * {@code extensions} objects, null allowed): else 400, never a 500;</li>
 * <li>the caller ({@link AccessPolicy}): no, bad or expired token: 401, code UNAUTHENTICATED;</li>
 * <li>the document: syntax errors, too many tokens ({@code gateway.limits.max-query-tokens}), control characters in
 * strings, introspection while {@code gateway.graphql.introspection-enabled=false}: VALIDATION errors;</li>
 * <li>a mutation over {@code GET}: 405; the role: a mutation needs {@code billing-write}, anything else
 * {@code billing-read}: 403, code FORBIDDEN.</li>
 * </ol>
 * Depth and complexity are checked by {@code QueryLimits} before graphql-java validates. Every error body is a
 * GraphQL response with {@code extensions.code}. Request errors (no {@code data} in the response: syntax,
 * validation, variable coercion, limits) answer 400 when the client accepts
 * {@code application/graphql-response+json} and 200 with {@code application/json}, as the GraphQL-over-HTTP
 * specification asks; SmallRye answers 200 itself, so the status is set here when the response headers go out.
 */
@ApplicationScoped
public class GraphQLRequestGuard {

    private static final Logger LOG = Logger.getLogger(GraphQLRequestGuard.class);

    static final String JSON = "application/json";
    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    static final String GRAPHQL = "application/graphql";
    /** Put on the request by {@link RequestErrors} when the response holds no {@code data}. */
    static final String REQUEST_ERROR = "gateway.graphql.request-error";
    /** A {@code GET} that passed the checks and was handed to SmallRye as a {@code POST} with a JSON body. */
    private static final String CHECKED = "gateway.graphql.checked";

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

    /** A document that parsed, with what the checks need of it (measured once per text). */
    record Parsed(Document document, ControlCharacters.Scan strings) {
    }

    /**
     * Documents that parsed, by query text: clients send the same few queries again and again, so each is
     * parsed once. Bounded by the total length of the texts held, since one text may be as large as a body.
     */
    final Cache<String, Parsed> parsed = Caffeine.newBuilder().maximumWeight(PARSED_CACHE_CHARS)
            .weigher((String query, Parsed document) -> query.length()).build();

    static final long PARSED_CACHE_CHARS = 4_000_000;

    /** The parameters of a GraphQL request, whatever carried them. */
    record Params(String query, String operationName, JsonNode variables) {
    }

    /** A request refused before its document is looked at: HTTP status, message, the parameter and the rule. */
    static final class Refused extends Exception {
        final int status;
        final String field;
        final String rule;

        Refused(int status, String message, String field, String rule) {
            super(message, null, false, false);
            this.status = status;
            this.field = field;
            this.rule = rule;
        }
    }

    void install(@Observes Router router) {
        maxQueryTokens = limits.maxQueryTokens();
        introspectionEnabled = exposure.introspectionEnabled();
        router.route("/graphql").order(-10)
                .handler(BodyHandler.create(false).setBodyLimit(maxBodySize.asLongValue())) // no file uploads to disk
                .handler(this::check)
                .failureHandler(this::failed);
        // the printed schema under the GraphQL path: readers only
        router.route("/graphql/*").order(-9).handler(this::checkOther);
    }

    void check(RoutingContext ctx) {
        if (ctx.get(CHECKED) != null) {
            ctx.next(); // a GET checked below, now a POST for SmallRye
            return;
        }
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.OPTIONS) {
            ctx.next();
            return;
        }
        String responseType = negotiate(ctx);
        if (responseType == null) {
            reject(ctx, 406, "this endpoint answers " + GRAPHQL_RESPONSE + " or " + JSON + " (Accept)", null, null, "accept");
            return;
        }
        ctx.addHeadersEndHandler(v -> finish(ctx, responseType));
        if (method != HttpMethod.GET && method != HttpMethod.POST) {
            ctx.response().putHeader("Allow", "GET, POST, OPTIONS");
            reject(ctx, 405, "GraphQL requests use POST (or GET for queries)", null, null, "method");
            return;
        }
        Params params;
        try {
            params = method == HttpMethod.GET ? fromQueryString(ctx) : fromBody(ctx);
        } catch (Refused refused) {
            reject(ctx, refused.status, refused.getMessage(), null, refused.field, refused.rule);
            return;
        }
        Context context = Vertx.currentContext();
        access.identify(ctx).subscribe().with(
                identity -> on(context, () -> checkDocument(ctx, identity, params)),
                failure -> on(context, () -> refuse(ctx, access.failed(failure))));
    }

    /** The media type of the answer: the first of the client's {@code Accept} list (by preference) that this endpoint serves. */
    static String negotiate(RoutingContext ctx) {
        List<MIMEHeader> accepted = ctx.parsedHeaders() == null ? List.of() : ctx.parsedHeaders().accept();
        if (accepted == null || accepted.isEmpty()) {
            return JSON;
        }
        for (MIMEHeader type : accepted) {
            if ("0".equals(type.parameter("q")) || "0.0".equals(type.parameter("q"))) {
                continue;
            }
            String value = type.value().toLowerCase(Locale.ROOT);
            if (value.equals(GRAPHQL_RESPONSE)) {
                return GRAPHQL_RESPONSE;
            }
            if (value.equals(JSON) || value.equals("*/*") || value.equals("application/*")) {
                return JSON;
            }
        }
        return null;
    }

    /** Just before the headers go out: the negotiated media type, and 400 for a request error where the client understands it. */
    private static void finish(RoutingContext ctx, String responseType) {
        HttpServerResponse response = ctx.response();
        response.putHeader("Content-Type", responseType + ";charset=utf-8");
        response.headers().add("Vary", "Accept"); // the media type and status depend on it (a cache in front of GET must know)
        if (GRAPHQL_RESPONSE.equals(responseType) && response.getStatusCode() == 200 && Boolean.TRUE.equals(ctx.get(REQUEST_ERROR))) {
            response.setStatusCode(400);
            response.setStatusMessage("Bad Request");
        }
    }

    private Params fromBody(RoutingContext ctx) throws Refused {
        String contentType = ctx.request().getHeader("Content-Type");
        if (contentType == null || contentType.isBlank()) {
            throw new Refused(415, "a POST needs Content-Type: " + JSON + " (or " + GRAPHQL + ")", null, "content-type");
        }
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        String type = parts[0].trim();
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.startsWith("charset=") && !parameter.substring(8).replace("\"", "").equals("utf-8")) {
                throw new Refused(415, "request bodies are UTF-8 (Content-Type charset)", null, "content-type");
            }
        }
        byte[] raw = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        if (type.equals(GRAPHQL)) {
            return new Params(new String(raw, StandardCharsets.UTF_8), null, null);
        }
        if (!type.equals(JSON)) {
            throw new Refused(415, "unsupported Content-Type " + type + "; send " + JSON + " (or " + GRAPHQL + ")", null, "content-type");
        }
        JsonNode body;
        try {
            body = mapper.readTree(raw);
        } catch (Exception e) {
            throw new Refused(400, "the request body is not valid JSON", null, "json");
        }
        if (body == null || !body.isObject()) {
            throw new Refused(400, "the request body must be a JSON object with a string field 'query'", null, "json");
        }
        return params(body.get("query"), body.get("operationName"), body.get("variables"), body.get("extensions"));
    }

    private Params fromQueryString(RoutingContext ctx) throws Refused {
        return params(text(ctx.queryParam("query")), text(ctx.queryParam("operationName")), json(ctx.queryParam("variables"), "variables"),
                json(ctx.queryParam("extensions"), "extensions"));
    }

    private static JsonNode text(List<String> values) {
        return values.isEmpty() ? null : TextNode.valueOf(values.get(0));
    }

    private JsonNode json(List<String> values, String parameter) throws Refused {
        if (values.isEmpty() || values.get(0).isEmpty()) {
            return null;
        }
        try {
            return mapper.readTree(values.get(0));
        } catch (Exception e) {
            throw new Refused(400, parameter + " must be a JSON object", parameter, "json-object");
        }
    }

    private static Params params(JsonNode query, JsonNode operationName, JsonNode variables, JsonNode extensions) throws Refused {
        if (query == null || query.isNull()) {
            throw new Refused(400, "the request has no 'query'", "query", "required");
        }
        if (!query.isTextual()) {
            throw new Refused(400, "'query' must be a string", "query", "string");
        }
        if (operationName != null && !operationName.isNull() && !operationName.isTextual()) {
            throw new Refused(400, "'operationName' must be a string", "operationName", "string");
        }
        for (Map.Entry<String, JsonNode> map : List.of(Map.entry("variables", nullToMissing(variables)), Map.entry("extensions", nullToMissing(extensions)))) {
            if (!map.getValue().isMissingNode() && !map.getValue().isObject()) {
                throw new Refused(400, "'" + map.getKey() + "' must be a JSON object", map.getKey(), "json-object");
            }
        }
        return new Params(query.textValue(), operationName == null || operationName.isNull() ? null : operationName.textValue(),
                variables == null || variables.isNull() ? null : variables);
    }

    private static JsonNode nullToMissing(JsonNode node) {
        return node == null || node.isNull() ? MissingNode.getInstance() : node;
    }

    private void checkDocument(RoutingContext ctx, SecurityIdentity identity, Params params) {
        Verdict caller = access.decide(identity, Need.READ);
        if (!caller.ok() && "UNAUTHENTICATED".equals(caller.code())) {
            refuse(ctx, caller);
            return;
        }
        Parsed document = parsed.getIfPresent(params.query());
        if (document == null) {
            try {
                Document parsedDocument = parse(params.query());
                document = new Parsed(parsedDocument, ControlCharacters.scan(parsedDocument));
            } catch (ParseCancelledException e) {
                // graphql-java says which parser limit was hit: grammar tokens (configurable here) or nesting depth
                boolean tokens = String.valueOf(e.getMessage()).contains("token");
                requestError(ctx, e.getMessage() + (tokens ? " (gateway.limits.max-query-tokens=" + maxQueryTokens + ")" : ""), null,
                        "InvalidSyntax", null, tokens ? "max-query-tokens" : "max-query-nesting");
                return;
            } catch (InvalidSyntaxException e) {
                List<Map<String, Object>> locations = e.getLocation() == null ? List.of()
                        : List.of(Map.of("line", e.getLocation().getLine(), "column", e.getLocation().getColumn()));
                requestError(ctx, "Invalid syntax: " + e.getMessage(), locations, "InvalidSyntax", null, null);
                return;
            }
            parsed.put(params.query(), document);
        }
        String control = document.strings().badLiteral() != null ? document.strings().badLiteral()
                : document.strings().badVariable(params.variables());
        if (control != null) {
            requestError(ctx, control + " holds a control character (NUL, ESC, ...), which no input of this API accepts", null,
                    "ValidationError", control, "no-control-characters");
            return;
        }
        if (!introspectionEnabled && Introspection.uses(document.document())) {
            requestError(ctx, "introspection is disabled on this gateway (gateway.graphql.introspection-enabled)", null,
                    "ValidationError", null, "introspection-disabled");
            return;
        }
        boolean mutation = mutates(document.document(), params.operationName());
        boolean get = ctx.request().method() == HttpMethod.GET;
        if (mutation && get) {
            ctx.response().putHeader("Allow", "POST");
            reject(ctx, 405, "mutations are sent with POST; GET runs queries only", null, null, "method");
            return;
        }
        Verdict verdict = access.decide(identity, mutation ? Need.WRITE : Need.READ);
        if (!verdict.ok()) {
            refuse(ctx, verdict);
            return;
        }
        if (get) {
            handOverAsPost(ctx, params);
        } else {
            ctx.next();
        }
    }

    /**
     * SmallRye's own GET handling decodes the already decoded query parameters a second time ({@code +} becomes a
     * space, a {@code %} fails), so a checked GET is handed to it as the equivalent POST with a JSON body.
     */
    private void handOverAsPost(RoutingContext ctx, Params params) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", params.query());
        if (params.operationName() != null) {
            body.put("operationName", params.operationName());
        }
        if (params.variables() != null) {
            body.put("variables", params.variables());
        }
        try {
            ((RoutingContextInternal) ctx).setBody(Buffer.buffer(mapper.writeValueAsBytes(body)));
        } catch (Exception e) {
            ctx.fail(e);
            return;
        }
        ctx.put(CHECKED, Boolean.TRUE);
        ctx.reroute(HttpMethod.POST, ctx.request().uri());
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
        if (ctx.normalizedPath().equals("/graphql")) {
            ctx.next(); // "/graphql/*" matches "/graphql" too: checked by check()
            return;
        }
        Context context = Vertx.currentContext();
        if (!introspectionEnabled && ctx.normalizedPath().endsWith("schema.graphql")) {
            reject(ctx, 404, "the schema is not published on this gateway (gateway.graphql.introspection-enabled)",
                    "ValidationError", null, "introspection-disabled");
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
                    "ValidationError", null, "max-body-size");
            return;
        }
        if (clientGone(ctx)) {
            // nothing to answer and nothing wrong here: not an ERROR with a stack trace in the gateway's log
            LOG.debugf("The client closed the connection before the answer to %s %s (%s)", ctx.request().method(), ctx.normalizedPath(),
                    ctx.failure() == null ? "closed" : ctx.failure().getClass().getSimpleName());
            return;
        }
        ctx.next();
    }

    private static boolean clientGone(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        return ctx.response().closed() || failure instanceof HttpClosedException || failure instanceof ClosedChannelException;
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

    /** A request error found here (the document, not the HTTP request): 200, or 400 where the client accepts it (see {@link #finish}). */
    private void requestError(RoutingContext ctx, String message, List<Map<String, Object>> locations, String classification, String field,
            String rule) {
        ctx.put(REQUEST_ERROR, Boolean.TRUE);
        reject(ctx, 200, message, locations, classification, field, rule);
    }

    private void reject(RoutingContext ctx, int status, String message, String classification, String field, String rule) {
        reject(ctx, status, message, null, classification, field, rule);
    }

    private void reject(RoutingContext ctx, int status, String message, List<Map<String, Object>> locations, String classification,
            String field, String rule) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        if (locations != null) {
            error.put("locations", locations);
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", ErrorCode.VALIDATION.name());
        if (classification != null) {
            extensions.put("classification", classification);
        }
        if (field != null) {
            extensions.put("field", field);
        }
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
