package vn.gov.bvhttdl.dvc.api.official;

import vn.gov.bvhttdl.dvc.api.OfficialCaller;
import vn.gov.bvhttdl.dvc.application.OfficialDesk;
import vn.gov.bvhttdl.dvc.application.OfficialDesk.Move;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Limits;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

import static java.util.Map.entry;

/**
 * What officials send, read into what the desk takes: a move's JSON body into its {@link Move} (the move's name is
 * the last segment of its path), and the work queue's and tracking book's query strings. An unknown move is 404
 * {@code no-such-move}; a body that is not a JSON object, or a field of the wrong kind, 400.
 */
final class OfficialRequests {
    private OfficialRequests() {}

    /** Each move by its name (its path), and how its body makes it. Adding a move: one line here. */
    private static final Map<String, BiFunction<Body, OfficialCaller, Move>> MOVES = Map.ofEntries(
            entry("start-processing", (b, me) -> new Move.StartProcessing()),
            // no assignee: the caller takes it, under their own name
            entry("assign", (b, me) -> b.text("assignee") == null ? new Move.Assign(null, me.name())
                    : new Move.Assign(b.text("assignee"), b.text("assigneeName"))),
            entry("forward", (b, me) -> new Move.Forward(b.text("note"))),
            entry("return", (b, me) -> new Move.Return(b.text("reason"))),
            entry("consult", (b, me) -> new Move.Consult(b.text("agency"), b.text("unit"), b.text("question"),
                    shared(b.texts("files")), b.integer("days"))),
            entry("extend", (b, me) -> new Move.Extend(b.text("reason"), b.date("newDueDate", "extend.newDue"))),
            entry("stop", (b, me) -> new Move.Stop(b.text("reason"))),
            entry("approve", (b, me) -> new Move.Approve(b.text("note"))),
            entry("refuse", (b, me) -> new Move.Refuse(b.text("reason"))),
            entry("issue-result", (b, me) -> new Move.IssueResult()),
            entry("return-result", (b, me) -> new Move.ReturnResult(b.text("channel"))),
            entry("request-supplement", (b, me) -> new Move.RequestSupplement(b.texts("items"), b.text("fault"))));

    /** The move {@code name} with what {@code body} says (no body: an empty object). */
    static Move move(String name, String body, OfficialCaller me) {
        var reader = MOVES.get(name);
        if (reader == null) throw DomainException.of("no-such-move", "move", Limits.clip(name));
        return reader.apply(Body.of(body), me);
    }

    private static List<String> shared(List<String> files) {
        if (files != null && files.size() > Limits.MAX_SHARED_FILES) throw DomainException.of("too-many-files.shared", "max", Limits.MAX_SHARED_FILES);
        return files;
    }

    /** A reason or note the body carries (revoking or correcting a result, answering a consultation). */
    static String text(String body, String field) {
        return Body.of(body).text(field);
    }

    /** A JSON object's fields, each read as the kind the move needs. */
    private record Body(Map<String, Object> fields) {
        static Body of(String body) {
            if (body == null || body.isBlank()) return new Body(Map.of());
            Object parsed;
            try {
                parsed = Json.parse(body);
            } catch (IllegalArgumentException e) {
                throw DomainException.of("malformed-body");
            }
            if (!(parsed instanceof Map<?, ?>)) throw DomainException.of("malformed-body");
            return new Body(Json.obj(parsed));
        }

        String text(String field) {
            Object v = fields.get(field);
            if (v == null || v instanceof String) return (String) v;
            throw wrong(field);
        }

        List<String> texts(String field) {
            Object v = fields.get(field);
            if (v == null) return null;
            if (!(v instanceof List<?> list)) throw wrong(field);
            List<String> out = new ArrayList<>();
            for (Object x : list) {
                if (!(x instanceof String s)) throw wrong(field);
                out.add(s);
            }
            return out;
        }

        Integer integer(String field) {
            Object v = fields.get(field);
            if (v == null) return null;
            if (v instanceof Long n && n == n.intValue()) return n.intValue();
            throw wrong(field);
        }

        LocalDate date(String field, String at) {
            String s = text(field);
            if (s == null) return null;
            try {
                // ISO (what the page sends) or dd/mm/yyyy (what the official reads and may type)
                String v = s.strip();
                return v.matches("\\d{1,2}/\\d{1,2}/\\d{4}")
                        ? LocalDate.parse(v, java.time.format.DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT))
                        : LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                var p = DomainException.of("invalid-date.new-due");
                throw new DomainException(p.kind(), p.problem(), p.text().at(at), List.of(p.text().at(at)));
            }
        }

        private static DomainException wrong(String field) {
            return DomainException.of("invalid-field", "field", Limits.clip(field));
        }
    }

    // ---- the query strings

    /** The queue's status; none asked: null (the desk picks the caller's landing tab when no scope is asked either). */
    static DossierStatus status(String status) {
        if (status == null || status.isBlank()) return null;
        try {
            return DossierStatus.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.of("unknown-status", "status", Limits.clip(status));
        }
    }

    static OfficialDesk.Scope scope(String scope) {
        if (scope == null || scope.isBlank()) return null;
        String s = scope.strip();
        if (!List.of("unit", "mine", "consultations", "finished").contains(s)) throw DomainException.of("unknown-scope");
        return OfficialDesk.Scope.valueOf(s.toUpperCase(Locale.ROOT));
    }

    static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.of("invalid-date.query");
        }
    }

    /** The tracking book's format: pdf (default) or csv. */
    static String format(String format) {
        String f = format == null || format.isBlank() ? "pdf" : format.strip();
        if (!f.equals("pdf") && !f.equals("csv")) throw DomainException.of("invalid-format");
        return f;
    }
}
