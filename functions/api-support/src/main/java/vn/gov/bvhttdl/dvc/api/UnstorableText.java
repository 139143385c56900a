package vn.gov.bvhttdl.dvc.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Finds text a JSON body carries that DynamoDB cannot store: a lone UTF-16 surrogate (JSON's {@code \\u} escapes can
 * write half a pair, e.g. {@code "\\udfff"}), in a value or a name. The field is named as the problem's {@code errors}
 * name it ({@code applicant.address}, {@code items[2]}). A body that is not JSON is left to the route (it answers 400).
 */
public final class UnstorableText {
    private static final JsonFactory JSON = new JsonFactory();

    private UnstorableText() {}

    /** The first field holding a lone surrogate, or null when every string is whole text (or the body is not JSON). */
    public static String field(String body, boolean base64) {
        if (body == null || body.isEmpty()) return null;
        String text = base64 ? decode(body) : body;
        if (text == null || text.indexOf('\\') < 0 && !hasLoneSurrogate(text)) return null;
        try (JsonParser p = JSON.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if ((t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) && hasLoneSurrogate(p.getText())) {
                    return name(p);
                }
            }
        } catch (IOException notJson) {
            return null;
        }
        return null;
    }

    private static String decode(String b64) {
        try {
            return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean hasLoneSurrogate(String s) { return !vn.gov.bvhttdl.dvc.domain.Limits.wholeText(s); }

    /** The JSON path of the parser's place as dotted names and [index]: {@code applicant.address}, {@code items[0]}. */
    private static String name(JsonParser p) {
        StringBuilder out = new StringBuilder();
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (var c = p.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            else if (c.getCurrentName() != null) parts.push("." + clip(c.getCurrentName()));
        }
        parts.forEach(out::append);
        String s = out.toString();
        return s.startsWith(".") ? s.substring(1) : s.isEmpty() ? "body" : s;
    }

    private static String clip(String name) {
        String whole = hasLoneSurrogate(name) ? name.replaceAll("[\\uD800-\\uDFFF]", "\uFFFD") : name;
        return whole.length() > 60 ? whole.substring(0, 60) : whole;
    }
}
