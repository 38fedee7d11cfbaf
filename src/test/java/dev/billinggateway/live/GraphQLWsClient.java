package dev.billinggateway.live;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/** A front-end's side of graphql-transport-ws, as graphql-ws speaks it: enough to drive the gateway's socket in tests. */
final class GraphQLWsClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);

    private final WebSocketClient client;
    final WebSocket ws;
    final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Short> closed = new CompletableFuture<>();

    private GraphQLWsClient(WebSocketClient client, WebSocket ws) {
        this.client = client;
        this.ws = ws;
        ws.textMessageHandler(text -> {
            JsonObject message = new JsonObject(text);
            if ("ping".equals(message.getString("type"))) {
                ws.writeTextMessage("{\"type\":\"pong\"}");
            } else {
                messages.add(message);
            }
        });
        ws.closeHandler(v -> closed.complete(ws.closeStatusCode()));
    }

    static GraphQLWsClient connect(Vertx vertx, int port) throws Exception {
        // a small receive buffer, so that a client that stops reading is noticed after little data
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setReceiveBufferSize(4096)
                .setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 22));
        WebSocket ws = client.connect(new WebSocketConnectOptions().setHost("localhost").setPort(port).setURI("/graphql")
                .addSubProtocol("graphql-transport-ws")).toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return new GraphQLWsClient(client, ws);
    }

    void send(JsonObject message) {
        ws.writeTextMessage(message.encode());
    }

    /** {@code connection_init} with the token as graphql-ws clients send it ({@code connectionParams}); null sends none. */
    void init(String token) {
        JsonObject payload = token == null ? new JsonObject() : new JsonObject().put("Authorization", "Bearer " + token);
        send(new JsonObject().put("type", "connection_init").put("payload", payload));
    }

    /** Initialises and waits for the acknowledgement. */
    void initialised(String token) throws InterruptedException {
        init(token);
        JsonObject ack = next(m -> true);
        if (ack == null || !"connection_ack".equals(ack.getString("type"))) {
            throw new AssertionError("expected connection_ack, got " + ack + " (closed: " + closed.getNow(null) + ")");
        }
    }

    void subscribe(String id, String query, Map<String, Object> variables) {
        send(new JsonObject().put("id", id).put("type", "subscribe")
                .put("payload", new JsonObject().put("query", query).put("variables", new JsonObject(variables))));
    }

    /** The next message that matches (others are skipped), or null when none came within {@link #WAIT}. */
    JsonObject next(Predicate<JsonObject> matching) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject message = messages.poll(100, TimeUnit.MILLISECONDS);
            if (message != null && matching.test(message)) {
                return message;
            }
        }
        return null;
    }

    /** The next message for this operation ({@code next}, {@code error} or {@code complete}). */
    JsonObject nextOf(String id) throws InterruptedException {
        return next(m -> id.equals(m.getString("id")));
    }

    /** The close code the server sent, waiting at most {@link #WAIT}. */
    short closeCode() throws Exception {
        return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (!ws.isClosed()) {
            ws.close();
        }
        client.close();
    }
}
