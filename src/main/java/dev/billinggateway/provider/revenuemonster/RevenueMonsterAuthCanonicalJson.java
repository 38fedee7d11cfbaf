package dev.billinggateway.provider.revenuemonster;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Revenue Monster's canonical JSON: the form its (Go) server rebuilds from a body before checking a
 * signature. Keys sorted at every level (objects inside arrays too), compact, {@code < > &} written as
 * {@code \u003c \u003e \u0026} (and U+2028/U+2029 escaped, as Go's encoder does), {@code /} and non-ASCII
 * left as they are. The connector sends exactly this text as the body, so signed and sent bytes agree.
 */
public final class RevenueMonsterAuthCanonicalJson {

    private RevenueMonsterAuthCanonicalJson() {
    }

    public static String of(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            it.forEachRemaining(fields::add);
            // Go sorts map keys by their bytes; UTF-8 byte order differs from String order for some code points
            fields.sort((a, b) -> compareUtf8(a.getKey(), b.getKey()));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> field : fields) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString(field.getKey(), out);
                out.append(':');
                write(field.getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            writeString(node.textValue(), out);
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else if (node.isNumber()) {
            BigDecimal decimal = node.decimalValue().stripTrailingZeros();
            out.append(decimal.scale() <= 0 ? decimal.toBigInteger().toString() : decimal.toPlainString());
        } else {
            writeString(node.asText(), out);
        }
    }

    private static int compareUtf8(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(x.length, y.length);
        for (int i = 0; i < n; i++) {
            int d = (x[i] & 0xff) - (y[i] & 0xff);
            if (d != 0) {
                return d;
            }
        }
        return x.length - y.length;
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> unicodeEscape(c, out);
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(c, out);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void unicodeEscape(char c, StringBuilder out) {
        out.append("\\u");
        String hex = Integer.toHexString(c);
        out.append("0".repeat(4 - hex.length())).append(hex);
    }
}
