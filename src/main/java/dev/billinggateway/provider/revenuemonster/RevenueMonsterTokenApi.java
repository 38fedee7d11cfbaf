package dev.billinggateway.provider.revenuemonster;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;


import io.smallrye.mutiny.Uni;

/** {@code POST {oauth}/v1/token} with HTTP Basic client credentials and a JSON body; no X-Signature. */
@Path("/v1/token")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface RevenueMonsterTokenApi {

    @POST
    Uni<Response> token(@HeaderParam("Authorization") String basic, String body);
}
