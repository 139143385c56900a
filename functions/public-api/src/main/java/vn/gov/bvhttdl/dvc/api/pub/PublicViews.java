package vn.gov.bvhttdl.dvc.api.pub;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.gov.bvhttdl.dvc.api.CallerAddress;
import vn.gov.bvhttdl.dvc.api.Views;
import vn.gov.bvhttdl.dvc.application.PublicDesk;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.Workflow;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The public answers, each made from one read model of {@link PublicDesk}; and the caller's address the limits count. */
final class PublicViews {
    private PublicViews() {}

    /**
     * The caller's address ({@code unknown} without one): what the look-up and verification limits count. Behind
     * CloudFront the viewer's, on a request that carries the origin secret; the source address otherwise ({@link CallerAddress}).
     */
    static String address(APIGatewayV2HTTPEvent event) {
        return CallerAddress.of(event);
    }

    static ProcedurePage catalogue(PublicDesk.CataloguePage c) {
        Map<String, Views.I18n> fields = new LinkedHashMap<>();
        c.fields().forEach((k, v) -> fields.put(k, Views.I18n.of(v)));
        var p = c.page();
        return new ProcedurePage(p.items().stream().map(x -> ProcedureSummary.of(x, c.today())).toList(),
                p.total(), p.page(), p.size(), fields);
    }

    static TrackView tracked(PublicDesk.Tracked t) {
        return new TrackView(t.code(), t.procedureName() == null ? null : Views.I18n.of(t.procedureName()), t.status().name(),
                Views.I18n.of(Workflow.standard().label(t.status())),
                t.receivedOn() == null ? null : t.receivedOn().toString(),
                t.dueDate() == null ? null : t.dueDate().toString(), t.dueDateProvisional(), t.applicantInitials());
    }

    static FileVerdict verdict(PublicDesk.FileCheck c) {
        return new FileVerdict(c.genuine(), c.matchesRecord(), c.signatureValid(), c.state(), Views.I18n.of(c.message()));
    }

    // ---- the shapes this audience alone uses

    /**
     * @param fixedFeeVnd the sum of the fixed fees in force on {@code day} (a temporary reduction applied);
     *                    {@code feeByRule} tells that some fee depends on the case
     */
    @Serdeable
    public record ProcedureSummary(String code, Views.I18n name, String field, String agencyCode, Views.I18n agencyName,
                                   int serviceLevel, boolean fullProcess, Views.PeriodView timeLimit, long fixedFeeVnd,
                                   boolean feeByRule, boolean feeReduced) {
        public static ProcedureSummary of(Procedure p, LocalDate day) {
            return new ProcedureSummary(p.code(), Views.I18n.of(p.name()), p.field(), p.agencyCode(), Views.I18n.of(p.agencyName()),
                    p.serviceLevel(), p.fullProcess(), Views.PeriodView.of(p.timeLimit()),
                    p.fees().stream().filter(f -> f.amountOn(day) != null).mapToLong(f -> f.amountOn(day)).sum(),
                    p.fees().stream().anyMatch(f -> f.amountVnd() == null),
                    p.fees().stream().anyMatch(f -> f.rateOn(day).isPresent()));
        }
    }

    @Serdeable
    public record ProcedurePage(List<ProcedureSummary> items, int total, int page, int size, Map<String, Views.I18n> fields) {}

    /** What the verification page says of a presented file. */
    @Serdeable
    public record FileVerdict(boolean genuine, boolean matchesRecord, boolean signatureValid, String state, Views.I18n message) {}

    /** What anyone with the code and the key sees: no personal data beyond the initials. */
    @Serdeable
    public record TrackView(String code, @Nullable Views.I18n procedureName, String status, Views.I18n statusLabel,
                            @Nullable String receivedOn, @Nullable String dueDate, boolean dueDateProvisional,
                            String applicantInitials) {}
}
