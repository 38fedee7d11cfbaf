package dev.billinggateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The production build carries no provider simulator: none of the sandbox's beans is built into it, and switching the
 * sandbox on there ({@code -Dgateway.sandbox.enabled=true}) stops start-up with a message that says why, rather than
 * letting an operator believe the providers are simulated while the gateway talks to the real ones.
 */
class ProductionSandboxSwitchIT {

    EmbeddedPostgres postgres;
    Process gateway;

    @AfterEach
    void stop() throws IOException {
        PackagedJar.stop(gateway, postgres);
    }

    @Test
    void theSandboxSwitchStopsTheProductionJarFromStarting() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        File log = new File("target/production-sandbox-switch-it.log");
        int sandboxPort = PackagedJar.freePort();
        gateway = PackagedJar.start(postgres, PackagedJar.freePort(), log,
                List.of("-Dgateway.sandbox.enabled=true", "-Dgateway.sandbox.port=" + sandboxPort));

        assertThat(gateway.waitFor(90, TimeUnit.SECONDS)).as("the gateway stopped by itself").isTrue();
        assertThat(gateway.exitValue()).as("exit status").isNotZero();
        String output = Files.readString(log.toPath());
        assertThat(output).contains("gateway.sandbox.enabled=true, but this build carries no provider sandbox");
        // no simulator ever listened, and no demo object was linked
        assertThat(output).doesNotContain("Sandbox for").doesNotContain("sandbox demo objects").doesNotContain("listening at");
    }

    /** ArC generates a {@code _Bean} class for every bean it builds in: the sandbox's are absent, the guard is there. */
    @Test
    void noSandboxBeanIsBuiltIntoTheProductionJar() throws IOException {
        Path generated = Path.of("target/quarkus-app/quarkus/generated-bytecode.jar");
        try (ZipFile jar = new ZipFile(generated.toFile())) {
            List<String> beans = jar.stream().map(e -> e.getName()).filter(n -> n.endsWith("_Bean.class")).toList();
            assertThat(beans).as("beans of the production build").contains("dev/billinggateway/sandbox/SandboxSwitchGuard_Bean.class");
            // the guard and the settings it reads (gateway.sandbox.*) stay; no simulator, server, fault injection or demo links
            assertThat(beans).filteredOn(n -> n.contains("/sandbox/"))
                    .filteredOn(n -> !n.contains("/SandboxSwitchGuard_") && !n.contains("/SandboxConfig_"))
                    .as("sandbox beans in the production build").isEmpty();
            assertThat(beans).as("provider beans are in it (the check above looks at the right place)")
                    .contains("dev/billinggateway/provider/hitpay/HitPayModule_Bean.class");
        }
    }
}
