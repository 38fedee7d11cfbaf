package dev.billinggateway.provider.monri;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

/**
 * Monri API v2 as HTTP calls, nothing more. Bodies go out as the exact JSON text the {@link MonriAuth.RequestFilter}
 * signs; answers come back as raw {@link Response}s of any status, read by {@link MonriClient}.
 * Paths marked UNCERTAIN are implied by Monri's docs but not shown there.
 */
@Path("/v2")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface MonriApi {

    @GET
    @Path("/customers")
    Uni<Response> listCustomers(@QueryParam("limit") int limit, @QueryParam("offset") int offset);

    @GET
    @Path("/customers/{uuid}")
    Uni<Response> getCustomer(@PathParam("uuid") String uuid);

    @GET
    @Path("/merchants/customers/{merchantCustomerId}")
    Uni<Response> getCustomerByMerchantId(@PathParam("merchantCustomerId") String merchantCustomerId);

    @POST
    @Path("/customers")
    Uni<Response> createCustomer(String json);

    @POST
    @Path("/customers/{uuid}")
    Uni<Response> updateCustomer(@PathParam("uuid") String uuid, String json);

    /** UNCERTAIN: not documented; assumed to answer like the customers list. */
    @GET
    @Path("/subscriptions")
    Uni<Response> listPlans(@QueryParam("limit") int limit, @QueryParam("offset") int offset);

    /** UNCERTAIN path ("Response is same for create, update and get subscription"). */
    @GET
    @Path("/subscriptions/{id}")
    Uni<Response> getPlan(@PathParam("id") long id);

    @POST
    @Path("/subscriptions")
    Uni<Response> createPlan(String json);

    /** UNCERTAIN path ("Response is same for create, update and get requests"). */
    @GET
    @Path("/customer-subscriptions/{id}")
    Uni<Response> getCustomerSubscription(@PathParam("id") long id);

    @POST
    @Path("/customer-subscriptions")
    Uni<Response> createCustomerSubscription(String json);

    @POST
    @Path("/customer-subscriptions/{id}")
    Uni<Response> updateCustomerSubscription(@PathParam("id") long id, String json);
}
