package vn.gov.bvhttdl.dvc.domain;

import java.util.Map;

/** A legal source for a rule: the document, the article, and whether it was confirmed in a public source. */
public record Citation(String document, String article, boolean confirmed, String note) {
    static Citation of(Map<String, Object> m) {
        return new Citation(Json.str(m, "document"), Json.str(m, "article"),
                !Boolean.FALSE.equals(m.get("confirmed")), Json.str(m, "note"));
    }

    @Override
    public String toString() {
        return article == null ? document : article + ", " + document;
    }
}
