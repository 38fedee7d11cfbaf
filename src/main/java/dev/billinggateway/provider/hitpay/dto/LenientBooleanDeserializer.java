package dev.billinggateway.provider.hitpay.dto;

import java.io.IOException;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** HitPay returns flags as {@code 0}/{@code 1}, {@code true}/{@code false}, or their string forms. */
@RegisterForReflection // Jackson instantiates it from @JsonDeserialize
public class LenientBooleanDeserializer extends JsonDeserializer<Boolean> {

    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NUMBER_INT -> parser.getLongValue() != 0;
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue() != 0;
            case VALUE_STRING -> parse(parser.getText());
            default -> null;
        };
    }

    static Boolean parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "1", "true", "yes", "on" -> Boolean.TRUE;
            case "0", "false", "no", "off" -> Boolean.FALSE;
            default -> null;
        };
    }

    @Override
    public Boolean getNullValue(DeserializationContext context) {
        return null;
    }
}
