package vn.gov.bvhttdl.dvc.domain;

/** Text made safe inside HTML, for every page and message drawn on the server (the verification page, emails, the runner's pages). */
public final class Html {
    private Html() {}

    /** {@code < > & " '} as entities; null as the empty string. */
    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
