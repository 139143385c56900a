package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.SurveyAnswers;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The SurveyAnswers port in memory: one answer per dossier, replaced only from the version read. */
public final class InMemorySurveyAnswers implements SurveyAnswers {
    private final Map<String, Answer> answers = new HashMap<>();
    public final Map<String, Integer> scores = new HashMap<>();

    @Override
    public synchronized Optional<Answer> find(String dossierId) { return Optional.ofNullable(answers.get(dossierId)); }

    @Override
    public synchronized void save(String dossierId, String ownerId, Answer a, int computedScore) {
        Answer now = answers.get(dossierId);
        long have = now == null ? 0 : now.version();
        if (have != a.version() - 1) throw new DomainException(DomainException.Kind.CONFLICT, "survey-changed", new Text("Đã đổi.", "Changed."));
        answers.put(dossierId, a);
        scores.put(dossierId, computedScore);
    }
}
