package vn.gov.bvhttdl.dvc.api.citizen;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import vn.gov.bvhttdl.dvc.api.SignedIn;
import vn.gov.bvhttdl.dvc.api.Views;
import vn.gov.bvhttdl.dvc.application.CitizenWarehouse;
import vn.gov.bvhttdl.dvc.domain.WarehouseDocument;

import java.net.URI;
import java.util.List;

/**
 * The signed-in person's electronic data warehouse (issue #25): the page in one request, keeping an accepted document
 * of a finished dossier, an entry's file. HTTP in, one {@link CitizenWarehouse} call, a view out; an entry of anyone
 * else's answers like one that does not exist (404).
 */
@Controller("/api/me/warehouse")
@SecurityRequirement(name = "cognito")
final class WarehouseController {
    private final CitizenWarehouse warehouse;

    WarehouseController(CitizenWarehouse warehouse) { this.warehouse = warehouse; }

    /** One entry as the page shows it. */
    @Serdeable
    record Entry(String id, String kind, @Nullable String documentKind, @Nullable Views.I18n kindName, Views.I18n name,
                 @Nullable String resultCode, @Nullable String numberAndSymbol, @Nullable String summary, @Nullable String issuedOn,
                 @Nullable String validUntil, @Nullable String scope, @Nullable String issuer, String state, @Nullable String statusReason,
                 @Nullable String replacedBy, @Nullable String verifyPath, String file, boolean enterprise, @Nullable String dossierId,
                 @Nullable String dossierCode, @Nullable String component, String addedAt) {
        static Entry of(CitizenWarehouse.Line l) {
            WarehouseDocument d = l.document();
            return new Entry(d.id(), d.kind().name(), d.documentKind(), Views.I18n.of(l.kindName()), Views.I18n.of(d.name()), d.resultCode(),
                    d.numberAndSymbol(), d.summary(), str(d.issuedOn()), str(d.validUntil()), d.scope(), d.issuer(), l.state(),
                    d.statusReason(), d.replacedBy(), l.verifiable() ? "/verify/" + d.verificationId() : null,
                    "/api/me/warehouse/" + d.id() + "/file", d.owner().startsWith("ENTERPRISE_CODE:"), d.sourceDossierId(), l.dossierCode(),
                    d.sourceComponent(), d.addedAt() == null ? "" : d.addedAt().toString());
        }

        private static String str(Object o) { return o == null ? null : o.toString(); }
    }

    /** Whose warehouse: the person's own or an enterprise's, with its code. */
    @Serdeable
    record Owner(String code, boolean enterprise) {}

    /** An accepted file of a finished dossier that may still be kept. */
    @Serdeable
    record Keepable(String dossierId, @Nullable String dossierCode, @Nullable Views.I18n procedure, String uploadId, @Nullable String fileName,
                    @Nullable Views.I18n component) {}

    @Serdeable
    record Page(List<Owner> owners, List<Entry> entries, List<Keepable> keepable, String today) {}

    @Serdeable
    record Keep(@Nullable String dossierId, @Nullable String uploadId) {}

    @Get
    @Operation(summary = "Kho dữ liệu của tôi / my data warehouse: every document with its state")
    Page page(@Parameter(hidden = true) SignedIn me) {
        CitizenWarehouse.Page p = warehouse.page(me.applicant(), me.verified());
        return new Page(p.owners().stream().map(o -> new Owner(o.code(), o.enterprise())).toList(),
                p.lines().stream().map(Entry::of).toList(),
                p.keepable().stream().map(k -> new Keepable(k.dossierId(), k.dossierCode(), Views.I18n.of(k.procedure()), k.uploadId(), k.fileName(),
                        Views.I18n.of(k.component()))).toList(), p.today().toString());
    }

    @Post("/keep")
    @Operation(summary = "Lưu giấy tờ đã được chấp nhận của hồ sơ đã giải quyết vào kho / keep an accepted document of a finished dossier")
    HttpResponse<Entry> keep(@Parameter(hidden = true) SignedIn me, @Body Keep body) {
        WarehouseDocument kept = warehouse.keep(me.applicant(), body.dossierId(), body.uploadId());
        return HttpResponse.created(Entry.of(new CitizenWarehouse.Line(kept, "VALID", null, null, false)),
                URI.create("/api/me/warehouse/" + kept.id() + "/file"));
    }

    @Get("/{id}/file")
    @Operation(summary = "Tải tệp của giấy tờ trong kho / download a warehouse document's file")
    HttpResponse<?> file(@Parameter(hidden = true) SignedIn me, @PathVariable String id) {
        return HttpResponse.seeOther(warehouse.file(me.applicant(), me.verified(), id));
    }
}
