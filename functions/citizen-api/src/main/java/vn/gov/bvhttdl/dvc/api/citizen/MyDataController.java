package vn.gov.bvhttdl.dvc.api.citizen;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import vn.gov.bvhttdl.dvc.api.SignedIn;
import vn.gov.bvhttdl.dvc.api.Views;
import vn.gov.bvhttdl.dvc.application.MyData;
import vn.gov.bvhttdl.dvc.application.OwnData;
import vn.gov.bvhttdl.dvc.domain.Citation;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.domain.WarehouseDocument;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signed-in citizen's own data (issue #25 item 4; rules/personal-data.json): what the page shows (their drafts,
 * their warehouse with what they may delete, what they deleted, the legal basis), who looked at their dossiers across
 * all of them, the "download everything" archive (a short-lived link) and the deletions. Only the caller's own: every
 * use case reads the caller's subject and verified identity, never an id from the request as an owner.
 */
@Controller("/api/me/data")
@SecurityRequirement(name = "cognito")
final class MyDataController {
    private final MyData myData;

    MyDataController(MyData myData) { this.myData = myData; }

    @Serdeable
    record CitationView(String document, @Nullable String article, boolean confirmed, @Nullable String note) {
        static CitationView of(Citation c) { return new CitationView(c.document(), c.article(), c.confirmed(), c.note()); }
    }

    @Serdeable
    record DraftView(String id, String procedureCode, String createdAt, String updatedAt, int files) {}

    @Serdeable
    record DocumentView(String id, String kind, @Nullable String documentKind, @Nullable Views.I18n name, @Nullable String numberAndSymbol,
                        @Nullable String issuer, @Nullable String issuedOn, String state, boolean deletable) {}

    @Serdeable
    record ErasureView(String at, String what, String ref, @Nullable String label) {}

    @Serdeable
    record Overview(List<DraftView> drafts, List<DocumentView> warehouse, List<ErasureView> deletions,
                    Map<String, List<CitationView>> basis, int maxDossiers, long maxBytes) {}

    @Serdeable
    record ReadLineView(String dossierId, @Nullable String dossierCode, String procedureCode, CitizenViews.ReadView read) {}

    @Serdeable
    record ReadsPage(List<ReadLineView> reads, @Nullable String next) {}

    @Serdeable
    record ExportView(String link, String expiresAt, String fileName, Map<String, Integer> counts, List<CitationView> basis) {}

    @Serdeable
    record DeletedView(String what, String ref, String at, Map<String, Object> erased) {}

    @Get
    @Operation(summary = "Dữ liệu của tôi / my data: drafts, warehouse, deletions, basis")
    Overview overview(@Parameter(hidden = true) SignedIn me) {
        var o = myData.overview(me.applicant(), MyData.owners(me.verified()));
        LocalDate today = LocalDate.now(vn.gov.bvhttdl.dvc.domain.ArchiveRecord.ZONE);
        Map<String, List<CitationView>> basis = new LinkedHashMap<>();
        o.basis().forEach((k, v) -> basis.put(k, v.stream().map(CitationView::of).toList()));
        return new Overview(
                o.drafts().stream().map(d -> new DraftView(d.id(), d.procedureCode(), d.createdAt().toString(), d.updatedAt().toString(), d.files())).toList(),
                o.warehouse().stream().map(k -> view(k.document(), k.deletable(), today)).toList(),
                o.deletions().stream().map(MyDataController::view).toList(), basis, o.maxDossiers(), o.maxBytes());
    }

    private static DocumentView view(WarehouseDocument w, boolean deletable, LocalDate today) {
        return new DocumentView(w.id(), w.kind().name(), w.documentKind(), Views.I18n.of(w.name()), w.numberAndSymbol(), w.issuer(),
                w.issuedOn() == null ? null : w.issuedOn().toString(), w.state(today), deletable);
    }

    private static ErasureView view(OwnData.Erasure e) { return new ErasureView(e.at().toString(), e.what(), e.ref(), e.label()); }

    /** Who looked at my dossiers: every official's read of any of them, newest first, a page at a time. */
    @Get("/reads{?size,after}")
    @Operation(summary = "Ai đã xem hồ sơ của tôi / who looked at my dossiers (all of them, newest first)")
    ReadsPage reads(@Parameter(hidden = true) SignedIn me, @QueryValue @Nullable Integer size, @QueryValue @Nullable String after) {
        var p = myData.reads(me.applicant(), size == null ? 20 : size, after);
        return new ReadsPage(p.reads().stream().map(l -> new ReadLineView(l.dossierId(), l.dossierCode(), l.procedureCode(),
                CitizenViews.ReadView.of(l.read()))).toList(), p.next());
    }

    /** The archive of everything held about me: built now, answered as a link that lives a few minutes. */
    @Post("/export")
    @Operation(summary = "Tải về toàn bộ dữ liệu của tôi / download everything held about me (one zip, a short-lived link)")
    ExportView export(@Parameter(hidden = true) SignedIn me) {
        var e = myData.export(me.applicant(), MyData.owners(me.verified()));
        Map<String, Integer> counts = new LinkedHashMap<>();
        var c = e.counts();
        counts.put("dossiers", c.dossiers());
        counts.put("files", c.files());
        counts.put("results", c.results());
        counts.put("payments", c.payments());
        counts.put("receipts", c.receipts());
        counts.put("messages", c.messages());
        counts.put("surveys", c.surveys());
        counts.put("warehouse", c.warehouse());
        counts.put("reads", c.reads());
        return new ExportView(e.link().toString(), e.expiresAt().toString(), e.fileName(), counts, e.basis().stream().map(CitationView::of).toList());
    }

    @Delete("/drafts/{id}")
    @Operation(summary = "Xóa hồ sơ nháp (chưa nộp) cùng các tệp / delete a draft never submitted, with its files")
    DeletedView deleteDraft(@Parameter(hidden = true) SignedIn me, @PathVariable String id) {
        check(id);
        return view(myData.deleteDraft(me.applicant(), id));
    }

    @Delete("/warehouse/{id}")
    @Operation(summary = "Xóa giấy tờ tôi đã lưu vào kho / delete a document I added to my warehouse")
    DeletedView deleteDocument(@Parameter(hidden = true) SignedIn me, @PathVariable String id) {
        check(id);
        return view(myData.deleteDocument(me.applicant(), MyData.owners(me.verified()), id));
    }

    private static DeletedView view(MyData.Deleted d) { return new DeletedView(d.what(), d.ref(), d.at().toString(), d.erased()); }

    private static void check(String id) {
        if (id == null || id.length() > 100 || !id.matches("[A-Za-z0-9._:-]+")) {
            throw new DomainException(DomainException.Kind.MALFORMED, "malformed-request", new Text("Mã không hợp lệ.", "Invalid id.").at("id"));
        }
    }
}
