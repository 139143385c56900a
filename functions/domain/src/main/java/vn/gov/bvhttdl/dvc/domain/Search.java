package vn.gov.bvhttdl.dvc.domain;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Vietnamese text folded for search: no diacritics, đ → d, lower case, words only ("Lữ hành" → "lu hanh"). */
public final class Search {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

    private Search() {}

    public static String fold(String s) {
        if (s == null) return "";
        String n = Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        n = MARKS.matcher(n).replaceAll("").toLowerCase(Locale.ROOT);
        return NON_WORD.matcher(n).replaceAll(" ").trim();
    }

    public static List<String> words(String s) {
        String f = fold(s);
        return f.isEmpty() ? List.of() : Arrays.asList(f.split(" "));
    }

    /**
     * How well {@code query} matches {@code text}: 0 when some query word is not the start of any word of the
     * text; otherwise higher for whole words and for the query's words appearing in order.
     */
    public static int score(List<String> query, List<String> text) {
        if (query.isEmpty()) return 1;
        int score = 0;
        int lastPos = -1;
        boolean inOrder = true;
        for (String q : query) {
            int best = 0;
            int pos = -1;
            for (int i = 0; i < text.size(); i++) {
                String w = text.get(i);
                int s = w.equals(q) ? 3 : w.startsWith(q) ? 1 : 0;
                if (s > best) {
                    best = s;
                    pos = i;
                }
            }
            if (best == 0) return 0;
            score += best;
            if (pos < lastPos) inOrder = false;
            lastPos = pos;
        }
        return score + (inOrder && query.size() > 1 ? 2 : 0);
    }
}
