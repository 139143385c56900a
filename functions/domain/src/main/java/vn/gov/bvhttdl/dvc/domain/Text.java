package vn.gov.bvhttdl.dvc.domain;

/**
 * A text in Vietnamese (authoritative) and English; as an error, {@code field} names what it is about
 * ({@code applicant.phone}, {@code form.companyName}, {@code component.DON}) so that a page can show it next to the
 * field as well as in its error summary (null when it is about the whole).
 */
public record Text(String vi, String en, String field) {
    public Text {
        if (vi == null || vi.isBlank()) throw new IllegalArgumentException("Vietnamese text is required");
        if (en == null || en.isBlank()) en = vi;
    }

    public Text(String vi, String en) {
        this(vi, en, null);
    }

    /** The same text, about {@code field}. */
    public Text at(String field) {
        return new Text(vi, en, field);
    }
}
