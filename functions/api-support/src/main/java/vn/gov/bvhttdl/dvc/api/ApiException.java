package vn.gov.bvhttdl.dvc.api;

import io.micronaut.http.HttpStatus;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.util.List;

/** A client-facing error raised by the API layer itself (not by a domain rule). */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String slug;
    private final Text text;
    private final List<Text> errors;

    public ApiException(HttpStatus status, String slug, Text text) {
        this(status, slug, text, List.of());
    }

    public ApiException(HttpStatus status, String slug, Text text, List<Text> errors) {
        super(slug + ": " + text.en());
        this.status = status;
        this.slug = slug;
        this.text = text;
        this.errors = errors;
    }

    public HttpStatus status() { return status; }
    public String slug() { return slug; }
    public Text text() { return text; }
    public List<Text> errors() { return errors; }

    public static ApiException notFound(String what, String vi, String en) {
        return new ApiException(HttpStatus.NOT_FOUND, what + "-not-found", new Text(vi, en));
    }
}
