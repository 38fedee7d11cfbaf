package dev.billinggateway.observability;

import static io.restassured.RestAssured.given;

/** Reads series from the Prometheus page the way a scraper does. */
final class Metrics {

    private final String page;

    private Metrics(String page) {
        this.page = page;
    }

    static Metrics scrape() {
        return new Metrics(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /** The sum of the series of this name whose labels include all the given {@code name, value} pairs; 0 when none. */
    double value(String name, String... labels) {
        double sum = 0;
        for (String line : page.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < labels.length; i += 2) {
                matches &= line.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
            }
            if (matches) {
                String sample = line.contains(" # ") ? line.substring(0, line.indexOf(" # ")) : line; // without the exemplar
                sum += Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    boolean has(String name, String... labels) {
        for (String line : page.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                boolean matches = true;
                for (int i = 0; i < labels.length; i += 2) {
                    matches &= line.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
                }
                if (matches) {
                    return true;
                }
            }
        }
        return false;
    }
}
