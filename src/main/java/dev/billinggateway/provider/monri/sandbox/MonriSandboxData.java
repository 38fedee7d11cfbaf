package dev.billinggateway.provider.monri.sandbox;

import java.util.List;

import dev.billinggateway.sandbox.SandboxSetting;

/**
 * The Monri sandbox's fixed demo account and data, for tests and README examples. Dates of the demo customer
 * subscriptions are relative to the day the sandbox starts (in Monri's calendar), so each keeps its derived
 * status: see the {@code CS_*} constants.
 */
public final class MonriSandboxData {

    private MonriSandboxData() {
    }

    /** Demo credentials, used when the sandbox serves Monri and none are configured. Not a secret. */
    public static final String AUTHENTICITY_TOKEN = "5a7d0c3e9b1f4e2a8c6d0b1e3f5a7c9e1d3b5f70";
    public static final String MERCHANT_KEY = "monri-sandbox-merchant-key";
    public static final long MERCHANT_ID = 11880;

    /**
     * What the sandbox configures for Monri when it serves it ({@code gateway.providers.monri.*}): the demo account,
     * only when neither half of the credentials is configured (half a demo account would be refused).
     */
    public static List<SandboxSetting> settings(String baseUrl) {
        return List.of(SandboxSetting.of("authenticity-token", AUTHENTICITY_TOKEN, "merchant-key"),
                SandboxSetting.of("merchant-key", MERCHANT_KEY, "authenticity-token"));
    }

    // customers (uuid)
    /** Ana Horvat, ana.horvat@example.com: has the ACTIVE subscription {@link #CS_ACTIVE}. */
    public static final String CUSTOMER_ANA = "3f1c2b7a-5d4e-4a1b-9c8d-0e1f2a3b4c01";
    /** Marko Kovač, marko.kovac@example.com: has the PENDING subscription {@link #CS_PENDING}. */
    public static final String CUSTOMER_MARKO = "3f1c2b7a-5d4e-4a1b-9c8d-0e1f2a3b4c02";
    /** Lejla Hadžić, lejla.hadzic@example.com: has {@link #CS_ENDED} and {@link #CS_HALF_YEAR}. */
    public static final String CUSTOMER_LEJLA = "3f1c2b7a-5d4e-4a1b-9c8d-0e1f2a3b4c03";
    /** Ivan Babić, ivan.babic@example.com: deleted at Monri (inactive). */
    public static final String CUSTOMER_IVAN_DELETED = "3f1c2b7a-5d4e-4a1b-9c8d-0e1f2a3b4c04";

    public static final String EMAIL_ANA = "ana.horvat@example.com";
    public static final String EMAIL_MARKO = "marko.kovac@example.com";
    public static final String EMAIL_LEJLA = "lejla.hadzic@example.com";
    public static final String EMAIL_IVAN = "ivan.babic@example.com";

    // plans (Monri "subscriptions")
    /** "Basic monthly": 10.00 EUR per month. */
    public static final long PLAN_BASIC_MONTHLY = 593;
    /** "Pro yearly": 99.00 EUR per year. */
    public static final long PLAN_PRO_YEARLY = 594;
    /** "Weekly box": 25.00 BAM per week. */
    public static final long PLAN_WEEKLY_BOX = 595;
    /** "Half-year": 49.90 EUR per half year. */
    public static final long PLAN_HALF_YEAR = 596;

    // customer subscriptions
    /** Ana on Basic monthly: active from 40 days ago, next charge in 5 days, until 325 days ahead: ACTIVE. */
    public static final long CS_ACTIVE = 54;
    /** Marko on Pro yearly: from 10 days ahead, next charge in 11 days, until 375 days ahead: PENDING. */
    public static final long CS_PENDING = 55;
    /** Lejla on Weekly box: from 120 days ago until 30 days ago: ENDED. */
    public static final long CS_ENDED = 56;
    /** Lejla on Half-year: from 10 days ago, next charge in 170 days, until 720 days ahead: ACTIVE. */
    public static final long CS_HALF_YEAR = 57;

    /** Objects created through the sandbox get ids from here on. */
    public static final long FIRST_CREATED_ID = 1000;
}
