package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.SurveyAnswers;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The SurveyAnswers port in memory: one answer per dossier, replaced only from the version read; the agency's months moved with it. */
public final class InMemorySurveyAnswers implements SurveyAnswers {
    private final Map<String, Answer> answers = new HashMap<>();
    public final Map<String, Integer> scores = new HashMap<>();
    private final Map<String, long[]> months = new TreeMap<>();
    private final Map<String, Map<String, Long>> ratings = new HashMap<>();

    @Override
    public synchronized Optional<Answer> find(String dossierId) { return Optional.ofNullable(answers.get(dossierId)); }

    @Override
    public synchronized void save(String dossierId, String ownerId, Scored s) {
        Answer now = answers.get(dossierId);
        long have = now == null ? 0 : now.version();
        if (have != s.answer().version() - 1) throw new vn.gov.bvhttdl.dvc.domain.ConcurrentChange("survey " + dossierId);
        answers.put(dossierId, s.answer());
        scores.put(dossierId, s.points());
        String k = s.agency() + "|" + s.month();
        long[] m = months.computeIfAbsent(k, x -> new long[3]);
        Map<String, Long> r = ratings.computeIfAbsent(k, x -> new HashMap<>());
        if (s.previous() == null) {
            m[0]++;
            m[2] += s.max();
        } else {
            r.merge(s.previous().rating(), -1L, Long::sum);
        }
        m[1] += s.points() - s.previousPoints();
        r.merge(s.answer().rating(), 1L, Long::sum);
    }

    @Override
    public synchronized List<Quality> quality(String agency, String fromMonth, String toMonth) {
        List<Quality> out = new ArrayList<>();
        months.forEach((k, m) -> {
            String[] p = k.split("\\|");
            if (p[0].equals(agency) && p[1].compareTo(fromMonth) >= 0 && p[1].compareTo(toMonth) <= 0) {
                out.add(new Quality(p[1], m[0], m[1], m[2], Map.copyOf(ratings.getOrDefault(k, Map.of()))));
            }
        });
        return out;
    }
}
