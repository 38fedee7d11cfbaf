package dev.billinggateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Dependencies run one way. Plain source scan (no extra library): every reference to another package is an import
 * or a fully qualified name in the code, both of which this finds once comments are left out.
 */
class ArchitectureTest {

    static final Path MAIN = Path.of("src/main/java/dev/billinggateway");

    /** Services, persistence, the connector SPI and the domain return domain or read models; only api/ knows GraphQL nodes. */
    @Test
    void innerLayersDoNotDependOnTheApi() {
        Pattern api = Pattern.compile("\\bdev\\.billinggateway\\.api\\.\\w+");
        List<String> offending = new ArrayList<>();
        for (String layer : List.of("service", "persistence", "connector", "domain")) {
            offending.addAll(references(MAIN.resolve(layer), api));
        }
        assertThat(offending).as("classes of service/, persistence/, connector/, domain/ referring to api/").isEmpty();
    }

    /** A provider knows nothing of the sandbox: the sandbox points the provider at itself through configuration. */
    @Test
    void providersDoNotDependOnTheSandbox() {
        Pattern sandbox = Pattern.compile("\\bdev\\.billinggateway\\.(sandbox|provider\\.\\w+\\.sandbox)\\b[\\w.]*");
        List<String> offending = new ArrayList<>();
        try (Stream<Path> providers = Files.list(MAIN.resolve("provider"))) {
            for (Path provider : providers.filter(Files::isDirectory).toList()) {
                offending.addAll(references(provider, sandbox).stream()
                        .filter(hit -> !hit.startsWith(MAIN.relativize(provider.resolve("sandbox")).toString())).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(offending).as("provider classes outside provider/<p>/sandbox/ referring to sandbox code").isEmpty();
    }

    @Test
    void theScanSeesAReferenceWhenThereIsOne() {
        // guards the scan itself: a rule over a scan that finds nothing cannot fail
        assertThat(references(MAIN.resolve("api"), Pattern.compile("\\bdev\\.billinggateway\\.service\\.\\w+"))).isNotEmpty();
        assertThat(code("import a.b.C; // dev.billinggateway.api.X\n/* dev.billinggateway.api.Y */ class Z {}"))
                .doesNotContain("dev.billinggateway.api");
    }

    /** "path/Class.java: reference" for each match in the code (not the comments) of the .java files under {@code dir}. */
    static List<String> references(Path dir, Pattern pattern) {
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Matcher m = pattern.matcher(code(Files.readString(file)));
                while (m.find()) {
                    hits.add(MAIN.relativize(file) + ": " + m.group());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hits;
    }

    /** The source without block, Javadoc and line comments (a {@code //} inside a string literal is rare enough here). */
    static String code(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)(^|\\s)//.*$", "$1");
    }
}
