package vn.gov.bvhttdl.dvc.api.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import vn.gov.bvhttdl.dvc.api.SignedIn;
import vn.gov.bvhttdl.dvc.api.Views;
import vn.gov.bvhttdl.dvc.application.Scorecard;

import java.util.List;

/**
 * The Decision-766 scorecard ({@code GET /api/admin/scorecard?period=2026-11|2026-Q4|2026&agency=CDLQG}): HTTP in,
 * one {@link Scorecard} call, a view out. Administrators read any agency; a leader (an official of post LEADER) their
 * own agency only; anyone else 403. A period not so written 400, one that has not begun 422, an unknown agency 404.
 * The drill-down ({@code GET /api/admin/scorecard/dossiers?period=&agency=&scope=&indicator=&size=&after=}): the
 * dossiers behind a number, with the same access rules.
 */
@Controller("/api/admin")
@SecurityRequirement(name = "cognito")
final class ScorecardController {
    private final Later<Scorecard> scorecard; // made at its first request, not at the cold start (bench/README.md, issue #28)

    ScorecardController(Later<Scorecard> scorecard) {
        this.scorecard = scorecard;
    }

    @Get("/scorecard")
    @Operation(summary = "Bảng chỉ số Quyết định 766 của một cơ quan theo tháng, quý, năm / the Decision-766 scorecard of an agency per month, quarter, year")
    Page scorecard(@Parameter(hidden = true) SignedIn me, @QueryValue @Nullable String period, @QueryValue @Nullable String agency) {
        return Page.of(scorecard.get().of(new Scorecard.Viewer(me.identity().admin(), me.actor()), period, agency));
    }

    @Get("/scorecard/dossiers")
    @Operation(summary = "Các hồ sơ sau một con số của bảng chỉ số / the dossiers behind a number of the scorecard")
    DossiersView dossiers(@Parameter(hidden = true) SignedIn me, @QueryValue @Nullable String period, @QueryValue @Nullable String agency,
                          @QueryValue @Nullable String scope, @QueryValue @Nullable String indicator, @QueryValue @Nullable String size,
                          @QueryValue @Nullable String after) {
        Integer n = null;
        if (size != null && !size.isBlank()) {
            try {
                n = Integer.valueOf(size.trim());
            } catch (NumberFormatException e) {
                throw vn.gov.bvhttdl.dvc.domain.DomainException.of("invalid-size", "max", Integer.toString(Scorecard.MAX_PAGE));
            }
        }
        return DossiersView.of(scorecard.get().dossiers(new Scorecard.Viewer(me.identity().admin(), me.actor()), period, agency, scope, indicator, n, after));
    }

    /** One dossier behind a number. */
    @Serdeable
    public record Behind(String id, @Nullable String code, String procedure, @Nullable String unit, @Nullable String received,
                         @Nullable String due, @Nullable String ended, String status, String why) {
        static Behind of(Scorecard.Behind b) {
            return new Behind(b.id(), b.code(), b.procedure(), b.unit(), b.received() == null ? null : b.received().toString(),
                    b.due() == null ? null : b.due().toString(), b.ended() == null ? null : b.ended().toString(), b.status(), b.why());
        }
    }

    /** The drill-down's page. */
    @Serdeable
    public record DossiersView(String period, boolean running, String agency, String scope, String indicator, List<Behind> items,
                               @Nullable String next, List<Behind> overdue, boolean overdueMore) {
        static DossiersView of(Scorecard.Dossiers d) {
            return new DossiersView(d.period(), d.running(), d.agency(), d.scope(), d.indicator(), d.items().stream().map(Behind::of).toList(),
                    d.next(), d.overdue().stream().map(Behind::of).toList(), d.overdueMore());
        }
    }

    /** One earlier period and the agency's ratio per measured indicator in it. */
    @Serdeable
    public record TrendPoint(String period, java.util.Map<String, Double> ratios) {}

    /** One indicator's line: the numbers absent when not yet measured, ratio and score absent without a dossier. */
    @Serdeable
    public record Line(String indicator, int group, Views.I18n name, double maxPoints, double fullScoreAt, boolean measured,
                       @Nullable Views.I18n note, @Nullable Long numerator, @Nullable Long denominator, @Nullable Double ratio,
                       @Nullable Double score, Views.CitationView basis, String unit) {
        static Line of(Scorecard.Line l) {
            return new Line(l.indicator(), l.group(), Views.I18n.of(l.name()), l.maxPoints(), l.fullScoreAt(), l.measured(),
                    Views.I18n.of(l.note()), l.numerator(), l.denominator(), l.ratio(), l.score(), Views.CitationView.of(l.basis()), l.unit());
        }
    }

    @Serdeable
    public record Section(String kind, String code, List<Line> lines) {
        static Section of(Scorecard.Section s) { return new Section(s.kind(), s.code(), s.lines().stream().map(Line::of).toList()); }
    }

    /** The page: {@code running} while the period has not ended (its figures may still change). */
    @Serdeable
    public record Page(String period, String from, String to, boolean running, String agency, Views.I18n agencyName, Section total,
                       List<Section> units, List<Section> procedures, Views.CitationView basis, List<TrendPoint> trend) {
        static Page of(Scorecard.Page p) {
            return new Page(p.period(), p.from().toString(), p.to().toString(), p.running(), p.agency(), Views.I18n.of(p.agencyName()),
                    Section.of(p.total()), p.units().stream().map(Section::of).toList(), p.procedures().stream().map(Section::of).toList(),
                    Views.CitationView.of(p.basis()), p.trend().stream().map(t -> new TrendPoint(t.period(), t.ratios())).toList());
        }
    }
}
