package dev.billinggateway.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every failure a client may see. The message is written for the client: never put secrets, tokens,
 * card data, stack traces or a provider's debug output into it.
 */
public class GatewayException extends RuntimeException {

    private final ErrorCode code;
    private final Provider provider;
    private final String providerCode;
    private final String providerMessage;
    private final Boolean retryable;
    private final String field;
    private final String rule;

    private GatewayException(Builder b) {
        super(b.message, b.cause, false, b.cause != null);
        this.code = b.code;
        this.provider = b.provider;
        this.providerCode = b.providerCode;
        this.providerMessage = b.providerMessage;
        this.retryable = b.retryable;
        this.field = b.field;
        this.rule = b.rule;
    }

    public static Builder of(ErrorCode code, String message) {
        return new Builder(code, message);
    }

    /** Bad input: names the field (its GraphQL path, e.g. {@code input.amount.amount}) and the rule it breaks. */
    public static GatewayException validation(String field, String rule, String message) {
        return of(ErrorCode.VALIDATION, message).field(field).rule(rule).build();
    }

    public static GatewayException notFound(String message) {
        return of(ErrorCode.NOT_FOUND, message).build();
    }

    public static GatewayException unsupported(Provider provider, String operation, String hint) {
        String message = provider + " does not support " + operation + (hint == null ? "" : "; " + hint);
        return of(ErrorCode.UNSUPPORTED_BY_PROVIDER, message).provider(provider).retryable(false).build();
    }

    /** The provider answered with an error: its own code and message travel beside the unified code. */
    public static GatewayException rejected(Provider provider, String providerCode, String providerMessage) {
        return of(ErrorCode.PROVIDER_REJECTED, provider + " rejected the request: " + providerMessage)
                .provider(provider).providerCode(providerCode).providerMessage(providerMessage).retryable(false).build();
    }

    public static GatewayException unavailable(Provider provider, String message, Throwable cause) {
        return of(ErrorCode.PROVIDER_UNAVAILABLE, message).provider(provider).retryable(true).cause(cause).build();
    }

    public static GatewayException outcomeUnknown(Provider provider, String message, Throwable cause) {
        return of(ErrorCode.OUTCOME_UNKNOWN, message).provider(provider).retryable(false).cause(cause).build();
    }

    public ErrorCode code() {
        return code;
    }

    public Provider provider() {
        return provider;
    }

    public String providerCode() {
        return providerCode;
    }

    public String providerMessage() {
        return providerMessage;
    }

    public Boolean retryable() {
        return retryable;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }

    /** The GraphQL error extensions: {@code code} always, the rest when known. */
    public Map<String, Object> extensions() {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("code", code.name());
        if (provider != null) {
            ext.put("provider", provider.name());
        }
        if (providerCode != null) {
            ext.put("providerCode", providerCode);
        }
        if (providerMessage != null) {
            ext.put("providerMessage", providerMessage);
        }
        if (retryable != null) {
            ext.put("retryable", retryable);
        }
        if (field != null) {
            ext.put("field", field);
        }
        if (rule != null) {
            ext.put("rule", rule);
        }
        return ext;
    }

    public static final class Builder {
        private final ErrorCode code;
        private final String message;
        private Provider provider;
        private String providerCode;
        private String providerMessage;
        private Boolean retryable;
        private String field;
        private String rule;
        private Throwable cause;

        private Builder(ErrorCode code, String message) {
            this.code = code;
            this.message = message;
        }

        public Builder provider(Provider provider) {
            this.provider = provider;
            return this;
        }

        public Builder providerCode(String providerCode) {
            this.providerCode = providerCode;
            return this;
        }

        public Builder providerMessage(String providerMessage) {
            this.providerMessage = providerMessage;
            return this;
        }

        public Builder retryable(boolean retryable) {
            this.retryable = retryable;
            return this;
        }

        public Builder field(String field) {
            this.field = field;
            return this;
        }

        public Builder rule(String rule) {
            this.rule = rule;
            return this;
        }

        public Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        public GatewayException build() {
            return new GatewayException(this);
        }
    }
}
