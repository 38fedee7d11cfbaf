package dev.billinggateway.provider.hitpay;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;

import dev.billinggateway.provider.hitpay.dto.CreateRecurringBillingRequest;
import dev.billinggateway.provider.hitpay.dto.UpdateRecurringBillingRequest;
import io.smallrye.mutiny.Uni;

/**
 * HitPay's recurring-billing endpoints, as documented. Built per base URL by {@link HitPayClient}; answers
 * are raw {@link Response}s (default exception mapper off) so that HitPay's error envelopes are read by
 * {@link HitPayErrors}, not turned into generic exceptions.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "X-Requested-With", value = "XMLHttpRequest")
interface HitPayApi {

    String API_KEY = "X-BUSINESS-API-KEY";

    @GET
    @Path("/recurring-billing/{id}")
    Uni<Response> get(@HeaderParam(API_KEY) String apiKey, @PathParam("id") String id);

    @GET
    @Path("/recurring-billing")
    Uni<Response> list(@HeaderParam(API_KEY) String apiKey,
            @QueryParam("customer_email") String customerEmail,
            @QueryParam("status") String status,
            @QueryParam("page") Integer page,
            @QueryParam("per_page") Integer perPage);

    @POST
    @Path("/recurring-billing")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> create(@HeaderParam(API_KEY) String apiKey, CreateRecurringBillingRequest body);

    @PUT
    @Path("/recurring-billing/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> update(@HeaderParam(API_KEY) String apiKey, @PathParam("id") String id, UpdateRecurringBillingRequest body);

    @DELETE
    @Path("/recurring-billing/{id}")
    Uni<Response> cancel(@HeaderParam(API_KEY) String apiKey, @PathParam("id") String id);
}
