package vn.gov.bvhttdl.dvc.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}) with the message in Vietnamese and English.
 *
 * @param type    a URI that names the kind of problem (stable; clients may branch on it)
 * @param title   short English summary
 * @param detail  English explanation of this occurrence
 * @param message the same, for people: {@code vi} first, {@code en}
 * @param errors  every item at fault, when there are several (e.g. all that is missing, at once)
 */
@Serdeable
public record Problem(String type, String title, int status, String detail, Message message,
                      @Nullable List<Message> errors, @Nullable String instance) {
    public static final String BASE = "https://dichvucong.bvhttdl.gov.vn/problems/";
    public static final String MEDIA_TYPE = "application/problem+json";

    /** A message; in {@code errors}, {@code field} names what it is about (e.g. {@code applicant.phone}), if anything. */
    @Serdeable
    public record Message(String vi, String en, @Nullable String field) {
        public Message(String vi, String en) {
            this(vi, en, null);
        }
    }
}
