package dev.billinggateway.provider.revenuemonster.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code POST /v1/token} answer. The docs call the lifetimes "String" but send numbers (seconds). */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccessToken(String accessToken, String tokenType, Long expiresIn, String refreshToken, Long refreshTokenExpiresIn) {

    @Override
    public String toString() {
        return "AccessToken[tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]"; // never the tokens
    }
}
