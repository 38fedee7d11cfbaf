package dev.billinggateway.webhook;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.billinggateway.connector.WebhookRequest;
import dev.billinggateway.domain.Provider;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /webhooks/{provider}}: not behind client authentication, because the provider's signature
 * is the authentication; anything not proven genuine is refused and nothing is stored.
 */
@Path("/webhooks/{provider}")
public class WebhookResource {

    @Inject
    WebhookInbox inbox;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> receive(@PathParam("provider") String slug, @Context HttpHeaders headers, @Context UriInfo uri, byte[] body) {
        Provider provider = Provider.fromSlug(slug);
        if (provider == null) {
            return Uni.createFrom().item(Response.status(404).entity(Map.of("error", "unknown provider")).build());
        }
        Map<String, List<String>> lowerCased = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> lowerCased.put(name.toLowerCase(Locale.ROOT), values));
        WebhookRequest request = new WebhookRequest("POST", uri.getRequestUri().getRawPath(), lowerCased, body == null ? new byte[0] : body);
        return inbox.receive(provider, request).map(outcome -> switch (outcome) {
            case STORED -> Response.ok(Map.of("status", "received")).build();
            case DUPLICATE -> Response.ok(Map.of("status", "duplicate")).build();
            case REFUSED -> Response.status(401).entity(Map.of("error", "signature missing or invalid")).build();
            case MALFORMED -> Response.status(400).entity(Map.of("error", "body could not be read")).build();
            case NOT_ACCEPTED -> Response.status(404).entity(Map.of("error", "webhooks are not enabled for this provider")).build();
        });
    }
}
