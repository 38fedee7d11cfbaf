package dev.billinggateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProviderHttpTest {

    @Test
    void trailingSlashesAreDroppedAndNothingElse() {
        assertThat(ProviderHttp.withoutTrailingSlashes("https://api.hit-pay.com/v1///")).isEqualTo("https://api.hit-pay.com/v1");
        assertThat(ProviderHttp.withoutTrailingSlashes("https://api.hit-pay.com/v1")).isEqualTo("https://api.hit-pay.com/v1");
        assertThat(ProviderHttp.withoutTrailingSlashes("http://127.0.0.1:8089/")).isEqualTo("http://127.0.0.1:8089");
        assertThat(ProviderHttp.withoutTrailingSlashes("///")).isEmpty();
    }
}
