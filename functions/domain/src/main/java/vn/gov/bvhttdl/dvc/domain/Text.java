package vn.gov.bvhttdl.dvc.domain;

/** A text in Vietnamese (authoritative) and English. */
public record Text(String vi, String en) {
    public Text {
        if (vi == null || vi.isBlank()) throw new IllegalArgumentException("Vietnamese text is required");
        if (en == null || en.isBlank()) en = vi;
    }
}
