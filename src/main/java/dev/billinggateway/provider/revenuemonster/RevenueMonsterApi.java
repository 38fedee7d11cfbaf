package dev.billinggateway.provider.revenuemonster;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;


import io.smallrye.mutiny.Uni;

/**
 * The Open API over HTTP. Paths are configurable (provider doc §0.1), so they come in as already-encoded
 * text; the signature covers exactly the URL sent. Bodies are the canonical JSON text; answers are read
 * as text because RM puts its error envelope on any status, 200 included. Package-private: only
 * {@link RevenueMonsterClient} (which carries the fault tolerance) calls it.
 */
@Path("/")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface RevenueMonsterApi {

    @GET
    @Path("{path}")
    Uni<Response> get(@PathParam("path") @Encoded String path, @QueryParam("cursor") @Encoded String cursor,
            @HeaderParam("Authorization") String authorization, @HeaderParam(RevenueMonsterAuth.HEADER_SIGNATURE) String signature,
            @HeaderParam(RevenueMonsterAuth.HEADER_NONCE) String nonce, @HeaderParam(RevenueMonsterAuth.HEADER_TIMESTAMP) String timestamp);

    @POST
    @Path("{path}")
    Uni<Response> post(@PathParam("path") @Encoded String path,
            @HeaderParam("Authorization") String authorization, @HeaderParam(RevenueMonsterAuth.HEADER_SIGNATURE) String signature,
            @HeaderParam(RevenueMonsterAuth.HEADER_NONCE) String nonce, @HeaderParam(RevenueMonsterAuth.HEADER_TIMESTAMP) String timestamp,
            String body);

    @PUT
    @Path("{path}")
    Uni<Response> put(@PathParam("path") @Encoded String path,
            @HeaderParam("Authorization") String authorization, @HeaderParam(RevenueMonsterAuth.HEADER_SIGNATURE) String signature,
            @HeaderParam(RevenueMonsterAuth.HEADER_NONCE) String nonce, @HeaderParam(RevenueMonsterAuth.HEADER_TIMESTAMP) String timestamp,
            String body);

    @PATCH
    @Path("{path}")
    Uni<Response> patch(@PathParam("path") @Encoded String path,
            @HeaderParam("Authorization") String authorization, @HeaderParam(RevenueMonsterAuth.HEADER_SIGNATURE) String signature,
            @HeaderParam(RevenueMonsterAuth.HEADER_NONCE) String nonce, @HeaderParam(RevenueMonsterAuth.HEADER_TIMESTAMP) String timestamp,
            String body);
}
