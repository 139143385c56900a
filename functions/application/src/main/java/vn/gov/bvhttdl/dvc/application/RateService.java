package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.ControlSlip;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Role;
import vn.gov.bvhttdl.dvc.domain.Survey;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The quality survey of a dossier: from the first moment of the rules' {@code opensAt} (the receipt, a supplement
 * request, the refusal, the result returned, the closing: Circular 01/2018/TT-VPCP Art 12(2), unconfirmed) the
 * per-dossier indicators of Art 14 the system computes from the record are shown with their scores, and the applicant
 * rates the service and may comment. One answer per dossier: a later answer replaces the earlier one, within the
 * edit window counted from the latest of those moments (so a rating given at the receipt can be changed at the
 * result). Officials in the dossier's scope see the same.
 */
public final class RateService {
    public static final int MAX_COMMENT = 2000;

    private final Dossiers dossiers;
    private final Rules rules;
    private final SurveyAnswers answers;
    private final Clock clock;
    private final ServiceMetrics metrics;

    public RateService(Dossiers dossiers, Rules rules, SurveyAnswers answers, Clock clock) {
        this(dossiers, rules, answers, clock, ServiceMetrics.NONE);
    }

    /** @param metrics where a first answer is counted ({@link ServiceMetrics#SURVEY_ANSWERED}, by agency and rating) */
    public RateService(Dossiers dossiers, Rules rules, SurveyAnswers answers, Clock clock, ServiceMetrics metrics) {
        this.dossiers = dossiers;
        this.rules = rules;
        this.answers = answers;
        this.clock = clock;
        this.metrics = metrics;
    }

    public record View(String dossierId, String dossierCode, boolean open, Instant openedAt, Instant editableUntil, boolean editable,
                       List<Survey.Score> criteria, int computed, int max, SurveyAnswers.Answer answer, List<Survey.Rating> ratings) {}

    /** The quality figures of the official's agency, month by month (yyyy-MM, both included). */
    public List<SurveyAnswers.Quality> quality(Actor official, String fromMonth, String toMonth) {
        if (official.role() != Role.OFFICIAL || official.agency() == null) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "officials-only", new Text(
                    "Chỉ cán bộ của cơ quan xem được chỉ số này.", "Only the agency's officials see these figures."));
        }
        if (fromMonth == null || toMonth == null || !fromMonth.matches("\\d{4}-\\d{2}") || !toMonth.matches("\\d{4}-\\d{2}") || fromMonth.compareTo(toMonth) > 0) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-months", new Text(
                    "Tháng theo dạng yyyy-MM, từ tháng không sau đến tháng.", "Months as yyyy-MM, the first not after the last.").at("from"));
        }
        return answers.quality(official.agency(), fromMonth, toMonth);
    }

    public View view(Actor actor, String dossierId) {
        Dossier d = actor.role() == Role.OFFICIAL ? Access.inScope(dossiers, rules, actor, dossierId) : Access.owned(dossiers, actor, dossierId);
        return view(d);
    }

    /** The survey of a dossier the caller was found to reach (its trail read here). */
    View view(Dossier d) {
        List<AuditEvent> history = dossiers.history(d.id());
        Instant now = clock.instant();
        return view(d, history, Access.process(rules, d).map(p -> ControlSlip.of(p, d, history, rules.calendar(), now)).orElse(List.of()), now);
    }

    /**
     * The survey of a page that has already read the dossier's trail and drawn its control slip (at
     * {@code now}); none (null) until the survey opens ({@link Survey#openedAt}: the first moment of the rules'
     * {@code opensAt}), when there is nothing yet to show or rate.
     */
    View openView(Dossier d, List<AuditEvent> history, List<ControlSlip.Line> slip, Instant now) {
        return Survey.openedAt(history) == null ? null : view(d, history, slip, now);
    }

    private View view(Dossier d, List<AuditEvent> history, List<ControlSlip.Line> slip, Instant now) {
        Instant opened = Survey.openedAt(history);
        // each later moment (a supplement request, the refusal, the result) opens the window to change the answer again
        Instant until = opened == null ? null : Survey.lastOpenedAt(history).plus(Survey.rules().editWindow());
        var proc = rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElse(null);
        // the per-dossier indicators only: online payment and electronic results are agency-level rates (dashboards)
        List<Survey.Score> scores = opened == null ? List.of() : Survey.score(d, history, slip, proc);
        int computed = scores.stream().mapToInt(Survey.Score::score).sum();
        Optional<SurveyAnswers.Answer> a = answers.find(d.id());
        boolean editable = opened != null && now.isBefore(until);
        return new View(d.id(), d.code(), opened != null, opened, until, editable, scores, computed, 2 * scores.size() + 2, a.orElse(null),
                List.copyOf(Survey.rules().ratings().values()));
    }

    /**
     * The applicant's rating (a code of the rules' ratings) and comment; a later answer within the window replaces the
     * earlier one (the indicators as they stand then; the agency's month moves by the difference).
     */
    public View answer(Actor applicant, String dossierId, String rating, String comment) {
        Dossier d = Access.owned(dossiers, applicant, dossierId);
        View v = view(d);
        if (!v.open()) {
            throw new DomainException(DomainException.Kind.REFUSED, "survey-not-open", new Text(
                    "Việc đánh giá mở khi hồ sơ đã được tiếp nhận.", "The survey opens once the dossier is received."));
        }
        if (!v.editable()) {
            throw new DomainException(DomainException.Kind.REFUSED, "survey-closed", new Text(
                    "Đã hết thời hạn thay đổi đánh giá.", "The time to change the answer is over."));
        }
        if (rating == null || !Survey.rules().ratings().containsKey(rating)) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-rating", new Text(
                    "Chọn một mức: Rất hài lòng, Hài lòng hoặc Không hài lòng.", "Choose: very satisfied, satisfied or dissatisfied.").at("rating"));
        }
        if (!vn.gov.bvhttdl.dvc.domain.Limits.wholeText(comment)) {
            Text t = vn.gov.bvhttdl.dvc.domain.ProblemTexts.standard().entry("unstorable-text").text("field", "comment").at("comment");
            throw new DomainException(DomainException.Kind.INVALID, "unstorable-text", t, List.of(t));
        }
        String c = comment == null ? null : comment.strip();
        if (c != null && c.length() > MAX_COMMENT) {
            throw new DomainException(DomainException.Kind.INVALID, "comment-too-long", new Text(
                    "Ý kiến tối đa " + MAX_COMMENT + " ký tự.", "A comment has at most " + MAX_COMMENT + " characters.").at("comment"));
        }
        long version = v.answer() == null ? 1 : v.answer().version() + 1;
        SurveyAnswers.Answer a = new SurveyAnswers.Answer(rating, c == null || c.isEmpty() ? null : c, clock.instant(), version);
        // the agency's month is the month the survey opened (a later change of the answer stays in that month)
        String month = v.openedAt().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate().toString().substring(0, 7);
        int points = v.computed() + Survey.rules().ratings().get(rating).score();
        int previousPoints = v.answer() == null ? 0 : v.computed() + Survey.rules().ratings().get(v.answer().rating()).score();
        answers.save(d.id(), d.ownerId(), new SurveyAnswers.Scored(d.agencyCode(), month, a, points, v.max(), v.answer(), previousPoints,
                d.unitCode(), d.procedureCode()));
        // a survey is answered once: a changed answer is not counted again
        if (v.answer() == null) {
            metrics.count(ServiceMetrics.Count.of(ServiceMetrics.SURVEY_ANSWERED, d.agencyCode()).with(ServiceMetrics.RATING, rating));
        }
        return view(d);
    }
}
