package dev.billinggateway.sandbox;

import java.util.List;

/**
 * One {@code gateway.providers.<p>.*} value the sandbox supplies for a provider it serves (a demo credential), under
 * a key relative to the provider's prefix. It is left out when that key, or one it goes with, is configured.
 *
 * @param unlessConfigured keys that replace this one (e.g. {@code private-key-file} for {@code private-key})
 */
public record SandboxSetting(String key, String value, List<String> unlessConfigured) {

    public static SandboxSetting of(String key, String value, String... unlessConfigured) {
        return new SandboxSetting(key, value, List.of(unlessConfigured));
    }
}
