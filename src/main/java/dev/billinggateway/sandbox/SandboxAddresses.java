package dev.billinggateway.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.billinggateway.domain.Provider;

/**
 * Where each provider's simulator listens, decided before the application starts: the configuration that points the
 * providers at the sandbox ({@link SandboxConfigSourceFactory}) is built before any bean, and {@link SandboxServer}
 * later listens on exactly these ports. A fixed first port gives consecutive ports in enum order; without one, free
 * ports are picked once (the sockets are closed again at once, so another process could take one in between: a
 * sandbox that then cannot listen fails start-up with the port in its message).
 */
final class SandboxAddresses {

    /** One choice per class loader, i.e. per application start (tests restart Quarkus in a new one). */
    private static Map<Provider, String> chosen;
    private static String chosenFor;

    private SandboxAddresses() {
    }

    /** The base URL of each provider's simulator, e.g. {@code http://127.0.0.1:8092}. */
    static synchronized Map<Provider, String> baseUrls(String host, Integer firstPort) {
        String key = host + ":" + firstPort;
        if (chosen == null || !key.equals(chosenFor)) {
            Map<Provider, String> urls = new EnumMap<>(Provider.class);
            List<Integer> ports = firstPort == null || firstPort == 0 ? freePorts(host) : null;
            for (Provider provider : Provider.values()) {
                int port = ports == null ? firstPort + provider.ordinal() : ports.get(provider.ordinal());
                urls.put(provider, "http://" + host + ":" + port);
            }
            chosen = Collections.unmodifiableMap(urls);
            chosenFor = key;
        }
        return chosen;
    }

    /** One distinct free port per provider (all sockets held open until every port is picked). */
    private static List<Integer> freePorts(String host) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            InetAddress address = InetAddress.getByName(host);
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < Provider.values().length; i++) {
                ServerSocket socket = new ServerSocket(0, 0, address);
                sockets.add(socket);
                ports.add(socket.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pick free ports for the provider sandbox on " + host, e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is free again either way
                }
            }
        }
    }
}
