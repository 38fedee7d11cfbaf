package dev.billinggateway.connector;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A webhook exactly as received: verification works on these raw bytes, never on a re-serialised form.
 *
 * @param headers header names in lower case
 */
public record WebhookRequest(String method, String path, Map<String, List<String>> headers, byte[] body) {

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
