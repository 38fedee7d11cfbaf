package dev.billinggateway.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.billinggateway.api.GraphQLRequestGuard;
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
import graphql.parser.exceptions.ParseCancelledException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.websocket.GraphQLWebSocketSession;
import io.smallrye.graphql.websocket.graphqltransportws.GraphQLTransportWSSubprotocolHandler;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The WebSocket at {@code /graphql} ({@code graphql-transport-ws}, the protocol of graphql-ws, Apollo Client, urql
 * and GraphiQL), under the same rules as {@code POST /graphql}. SmallRye's own protocol handler runs the
 * operations; this class takes the upgrade before Quarkus' handler does, so that it can check what that handler
 * does not:
 * <ul>
 * <li>{@code connection_init}: the bearer token of its payload ({@code Authorization} or {@code authorization},
 * "Bearer " optional; else the upgrade request's header, for clients that can set one) is verified by
 * {@link AccessPolicy}, like an HTTP request's, and {@code billing-read} is required: otherwise the socket is closed
 * with 4401 or 4403. The connection ends (4401) when the token expires;</li>
 * <li>{@code subscribe}: the guard's parser with its token limit, the introspection switch, subscriptions only
 * (queries and mutations go over HTTP, where the audit log knows the caller), at most
 * {@code gateway.live.max-operations-per-connection} at once; depth and complexity are checked by graphql-java's
 * instrumentation as for HTTP. A refused operation gets an {@code error} message with code and rule;</li>
 * <li>no {@code connection_init} within {@code gateway.live.init-timeout}: 4408; nothing followed for
 * {@code gateway.live.idle-timeout}: 1000; more than {@code gateway.live.max-queued-bytes} waiting to be written
 * to a client that does not read: 1013, instead of holding ever more in memory.</li>
 * </ul>
 */
@ApplicationScoped
public class LiveSocket {

    private static final Logger LOG = Logger.getLogger(LiveSocket.class);
    static final String PROTOCOL = "graphql-transport-ws";

    @Inject
    AccessPolicy access;

    @Inject
    GraphQLRequestGuard guard;

    @Inject
    SecurityConfig.Exposure exposure;

    @Inject
    LiveConfig config;

    @Inject
    ObjectMapper mapper;

    void install(@Observes Router router) {
        // before Quarkus' own WebSocket route (order -99) and the guard's GET /graphql route, which would refuse a
        // browser's upgrade (browsers cannot send a header with it)
        router.route(HttpMethod.GET, "/graphql").order(-100).handler(this::upgrade);
    }

    void upgrade(RoutingContext ctx) {
        if (!"websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade"))) {
            ctx.next();
            return;
        }
        ctx.request().toWebSocket().onSuccess(ws -> open(ctx, ws)).onFailure(e -> LOG.debugf("WebSocket upgrade failed: %s", e.getMessage()));
    }

    private void open(RoutingContext ctx, ServerWebSocket ws) {
        if (!PROTOCOL.equals(ws.subProtocol())) {
            ws.close((short) 4406, "Subprotocol not acceptable: use " + PROTOCOL);
            return;
        }
        ws.setWriteQueueMaxSize(config.maxQueuedBytes());
        Connection connection = new Connection(new Session(ws, config.maxQueuedBytes()), ctx, Vertx.currentContext());
        ws.textMessageHandler(connection::onMessage);
        ws.closeHandler(v -> connection.onClose());
        ws.exceptionHandler(e -> LOG.debugf("WebSocket failed: %s", e.getMessage()));
    }

    /** The socket as SmallRye's handler sees it; refuses to queue without bound behind a client that does not read. */
    static final class Session implements GraphQLWebSocketSession {
        private final ServerWebSocket ws;
        private final int maxQueuedBytes;

        Session(ServerWebSocket ws, int maxQueuedBytes) {
            this.ws = ws;
            this.maxQueuedBytes = maxQueuedBytes;
        }

        @Override
        public void sendMessage(String message) {
            if (ws.isClosed()) {
                return;
            }
            if (ws.writeQueueFull()) {
                LOG.infof("Closing a WebSocket whose client does not keep up (more than %d bytes waiting)", maxQueuedBytes);
                close((short) 1013, "client too slow: more than " + maxQueuedBytes + " bytes waiting (gateway.live.max-queued-bytes)");
                return;
            }
            ws.writeTextMessage(message);
        }

        @Override
        public void close(short status, String reason) {
            if (!ws.isClosed()) {
                ws.close(status, truncate(reason));
            }
        }

        @Override
        public boolean isClosed() {
            return ws.isClosed();
        }

        /** A close frame's reason holds at most 123 bytes. */
        static String truncate(String reason) {
            if (reason == null) {
                return null;
            }
            byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
            return bytes.length <= 123 ? reason : new String(bytes, 0, 120, StandardCharsets.UTF_8) + "...";
        }
    }

    /** One client connection: SmallRye's protocol handler, with the gateway's checks in front of it. */
    final class Connection extends GraphQLTransportWSSubprotocolHandler {
        private final RoutingContext ctx;
        private final Context context;
        private final Vertx vertx;
        private volatile boolean initialising;
        private volatile boolean initialised;
        private volatile long lastActive = System.nanoTime();
        private final long initTimer;
        private final long idleTimer;
        private volatile long expiryTimer = -1;

        Connection(Session session, RoutingContext ctx, Context context) {
            super(session, executionContext());
            this.ctx = ctx;
            this.context = context;
            this.vertx = ctx.vertx();
            this.initTimer = vertx.setTimer(Math.max(1, config.initTimeout().toMillis()), t -> {
                if (!initialised) {
                    session.close((short) 4408, "Connection initialisation timeout");
                }
            });
            long idle = Math.max(1, config.idleTimeout().toMillis());
            this.idleTimer = vertx.setPeriodic(Math.max(1, Math.min(idle / 2, 30_000)), t -> {
                if (!activeOperations.isEmpty()) {
                    lastActive = System.nanoTime();
                } else if ((System.nanoTime() - lastActive) / 1_000_000 >= idle) {
                    session.close((short) 1000, "idle: nothing followed for " + config.idleTimeout() + " (gateway.live.idle-timeout)");
                }
            });
        }

        @Override
        protected void onMessage(JsonObject message) {
            String type = message.get("type") instanceof JsonString t ? t.getString() : "";
            if (!"ping".equals(type) && !"pong".equals(type)) {
                lastActive = System.nanoTime(); // keep-alives (SmallRye pings every 10 s, clients answer) are not activity
            }
            if ("connection_init".equals(type)) {
                if (initialising) {
                    // answered here, not by SmallRye: it would acknowledge a second one while the first is being checked
                    session.close((short) 4429, "Too many initialisation requests");
                } else {
                    initialising = true;
                    authenticate(message);
                }
            } else if ("subscribe".equals(type)) {
                if (initialised) {
                    subscribe(message);
                } else {
                    session.close((short) 4401, "Unauthorized");
                }
            } else {
                super.onMessage(message); // ping, pong, complete
            }
        }

        private void authenticate(JsonObject message) {
            String authorization = authorization(message.get("payload"));
            if (authorization != null) {
                ctx.request().headers().set("Authorization", authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization
                        : "Bearer " + authorization);
            }
            // the same verification as an HTTP request's: AccessPolicy over the upgrade request, now carrying the token
            access.identify(ctx).subscribe().with(
                    identity -> on(() -> admit(identity, message)),
                    failure -> on(() -> refuse(access.failed(failure))));
        }

        private void admit(SecurityIdentity identity, JsonObject message) {
            Verdict verdict = access.decide(identity, Need.READ);
            if (!verdict.ok()) {
                refuse(verdict);
                return;
            }
            if (session.isClosed()) {
                return;
            }
            long expires = expiresAt(identity);
            if (expires > 0) {
                long delay = Math.max(1, expires * 1000 - System.currentTimeMillis());
                expiryTimer = vertx.setTimer(delay, t -> session.close((short) 4401, "the bearer token expired"));
            }
            initialised = true;
            vertx.cancelTimer(initTimer);
            super.onMessage(message); // acknowledges
        }

        private void refuse(Verdict verdict) {
            LOG.debugf("WebSocket connection refused: %s", verdict.message());
            session.close((short) (verdict.status() == 403 ? 4403 : 4401), verdict.message());
        }

        private void subscribe(JsonObject message) {
            String id = message.getString("id", null);
            JsonObject payload = message.get("payload") instanceof JsonObject p ? p : null;
            if (id == null || payload == null || !(payload.get("query") instanceof JsonString query)) {
                session.close((short) 4400, "Invalid message: subscribe needs an id and a payload with a query");
                return;
            }
            if (activeOperations.containsKey(id)) {
                super.onMessage(message); // SmallRye closes with 4409
                return;
            }
            String operationName = payload.get("operationName") instanceof JsonString name ? name.getString() : null;
            if (refused(id, query.getString(), operationName, payload.get("variables"))) {
                return;
            }
            if (activeOperations.size() >= config.maxOperationsPerConnection()) {
                error(id, "this connection already runs " + activeOperations.size() + " operations; at most "
                        + config.maxOperationsPerConnection() + " are allowed (gateway.live.max-operations-per-connection)",
                        "max-operations-per-connection");
                return;
            }
            super.onMessage(message);
        }

        /** The transport-independent checks of the HTTP guard; sends the error when the operation is refused. */
        private boolean refused(String id, String query, String operationName, jakarta.json.JsonValue variables) {
            Document document;
            try {
                document = guard.parse(query);
            } catch (ParseCancelledException e) {
                boolean tokens = String.valueOf(e.getMessage()).contains("token");
                error(id, e.getMessage() + (tokens ? " (gateway.limits.max-query-tokens)" : ""), tokens ? "max-query-tokens" : "max-query-nesting");
                return true;
            } catch (InvalidSyntaxException e) {
                error(id, "Invalid syntax: " + e.getMessage(), null);
                return true;
            }
            ControlCharacters.Scan strings = ControlCharacters.scan(document);
            String control = strings.badLiteral() != null ? strings.badLiteral() : strings.badVariable(json(variables));
            if (control != null) {
                error(id, control + " holds a control character (NUL, ESC, ...), which no input of this API accepts",
                        "no-control-characters");
                return true;
            }
            if (!exposure.introspectionEnabled() && Introspection.uses(document)) {
                error(id, "introspection is disabled on this gateway (gateway.graphql.introspection-enabled)", "introspection-disabled");
                return true;
            }
            OperationDefinition operation = selected(document, operationName);
            if (operation == null || operation.getOperation() != OperationDefinition.Operation.SUBSCRIPTION) {
                error(id, "only subscriptions run over the WebSocket; send queries and mutations with POST /graphql",
                        "websocket-subscriptions-only");
                return true;
            }
            return false;
        }

        private com.fasterxml.jackson.databind.JsonNode json(jakarta.json.JsonValue value) {
            try {
                return value == null ? null : mapper.readTree(value.toString());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return null; // it came parsed: it is JSON
            }
        }

        private void error(String id, String message, String rule) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("code", ErrorCode.VALIDATION.name());
            if (rule != null) {
                extensions.put("rule", rule);
            }
            Map<String, Object> frame = new LinkedHashMap<>();
            frame.put("id", id);
            frame.put("type", "error");
            frame.put("payload", List.of(Map.of("message", message, "extensions", extensions)));
            try {
                session.sendMessage(mapper.writeValueAsString(frame));
            } catch (Exception e) {
                session.close((short) 1011, "internal error");
            }
        }

        /**
         * An {@code error} ends its operation (graphql-transport-ws), but SmallRye 2.17 keeps it among the active ones:
         * without this, operations refused by validation or a query limit would count against
         * {@code max-operations-per-connection} until the connection closes.
         */
        @Override
        protected void sendErrorMessage(String operationId, ExecutionResponse response) throws IOException {
            super.sendErrorMessage(operationId, response);
            activeOperations.remove(operationId);
        }

        @Override
        public void onClose() {
            vertx.cancelTimer(initTimer);
            vertx.cancelTimer(idleTimer);
            if (expiryTimer >= 0) {
                vertx.cancelTimer(expiryTimer);
            }
            super.onClose();
        }

        private void on(Runnable action) {
            if (context == null || Vertx.currentContext() == context) {
                action.run();
            } else {
                context.runOnContext(v -> action.run());
            }
        }
    }

    /**
     * What Quarkus' data fetchers read from the execution context: {@code runBlocking} (the resolvers are reactive: they
     * run on the event loop, as they do for HTTP); without it a batched nested field fails. A new map per connection,
     * since SmallRye adds the {@code connection_init} payload to it.
     */
    static Map<String, Object> executionContext() {
        Map<String, Object> context = new ConcurrentHashMap<>();
        context.put("runBlocking", false);
        return context;
    }

    /** When the caller's token expires (epoch seconds), 0 when it does not (the development identity). */
    static long expiresAt(SecurityIdentity identity) {
        if (identity.getAttribute("quarkus.identity.expire-time") instanceof Long seconds) {
            return seconds;
        }
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getExpirationTime() : 0;
    }

    /** The token from a {@code connection_init} payload, as the common clients send it. */
    static String authorization(JsonValue payload) {
        if (payload instanceof JsonObject p) {
            for (String key : List.of("Authorization", "authorization")) {
                if (p.get(key) instanceof JsonString value && !value.getString().isBlank()) {
                    return value.getString().strip();
                }
            }
            // some clients nest headers: { headers: { Authorization: ... } }
            if (p.get("headers") instanceof JsonObject headers) {
                return authorization(headers);
            }
        }
        return null;
    }

    /** The operation that will run: the named one, else the only one. */
    static OperationDefinition selected(Document document, String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        for (OperationDefinition op : operations) {
            if (operationName == null ? operations.size() == 1 : operationName.equals(op.getName())) {
                return op;
            }
        }
        return null;
    }
}
