package vn.gov.bvhttdl.dvc.local.runner;

import java.util.Map;

/** The development sign-in page (offline stand-in for the Cognito hosted UI of officials' and administrators' accounts; citizens come through {@link DevFederation}). */
final class DevPages {
    private DevPages() {}

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * Where the sign-in may send the browser (with the token in the fragment): a path on this origin only. Anything
     * a browser could read as another origin ({@code //host}, {@code /\\host}, a scheme) or that holds a control
     * character (TAB, CR, LF: header splitting, and browsers strip TAB and newlines from URLs) becomes {@code /}.
     */
    static String sameOriginPath(String redirect) {
        if (redirect == null || redirect.isEmpty() || redirect.length() > 500 || redirect.charAt(0) != '/') return "/";
        if (redirect.length() > 1 && (redirect.charAt(1) == '/' || redirect.charAt(1) == '\\')) return "/";
        for (int i = 0; i < redirect.length(); i++) {
            char c = redirect.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7F || Character.isWhitespace(c) || Character.isISOControl(c)) return "/";
        }
        try {
            java.net.URI u = new java.net.URI(redirect);
            if (u.getScheme() != null || u.getRawAuthority() != null) return "/";
        } catch (java.net.URISyntaxException e) {
            return "/";
        }
        return redirect;
    }

    static String signIn(String redirect, String error, Map<String, String> values) {
        String name = values.getOrDefault("name", "Nguyễn Văn An");
        String id = values.getOrDefault("idNumber", "001099012345");
        String email = values.getOrDefault("email", "an.nguyen@example.vn");
        return """
                <!doctype html>
                <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
                <title>Đăng nhập (môi trường phát triển)</title><link rel="stylesheet" href="/styles.css"></head>
                <body><main class="narrow">
                <h1>Đăng nhập thử nghiệm (phát triển)</h1>
                <p class="muted">Môi trường chạy offline: trang này thay cho tài khoản Cognito của cán bộ và quản trị viên, dùng để
                phát triển và kiểm thử. Development sign-in, offline only: stands in for the officials' and administrators'
                Cognito accounts, for development and tests.</p>
                <p class="muted">Công dân và tổ chức đăng nhập bằng VNeID qua Cổng DVC quốc gia (hộp cát): <a href="/#/sign-in">trang Đăng nhập</a>.
                Citizens and organisations sign in with VNeID through the national portal (sandbox) on the sign-in page.</p>
                %s
                <form method="post" action="/dev/sign-in" class="card">
                  <input type="hidden" name="redirect" value="%s">
                  <label>Họ và tên <input name="name" required value="%s" autocomplete="name"></label>
                  <label>Số định danh cá nhân (12 chữ số) <input name="idNumber" required pattern="\\d{12}" value="%s" inputmode="numeric"></label>
                  <label>Thư điện tử <input name="email" type="email" value="%s"></label>
                  <fieldset><legend>Vai trò</legend>
                    <label class="inline"><input type="radio" name="role" value="citizen" checked> Công dân / doanh nghiệp</label>
                    <label class="inline"><input type="radio" name="role" value="official"> Cán bộ, công chức</label>
                    <label class="inline"><input type="radio" name="role" value="admin"> Quản trị danh mục</label>
                  </fieldset>
                  <label>Đơn vị của cán bộ (chỉ khi đăng nhập là cán bộ) <select name="unit">%s</select></label>
                  <label>Chức danh <select name="post">%s</select></label>
                  <button type="submit" id="sign-in">Đăng nhập</button>
                </form></main></body></html>
                """.formatted(error == null ? "" : "<p class=\"error\" role=\"alert\">" + esc(error) + "</p>",
                esc(redirect), esc(name), esc(id), esc(email), units(), posts());
    }

    /** The units of every agency (rules/organisation.json), as "AGENCY/UNIT": an official sees their unit's work. */
    private static String units() {
        StringBuilder b = new StringBuilder();
        for (var a : vn.gov.bvhttdl.dvc.domain.Organisation.standard().agencies().values()) {
            b.append("<optgroup label=\"").append(esc(a.name().vi())).append(" (").append(esc(a.code())).append(")\">");
            for (var u : a.units()) {
                String v = a.code() + "/" + u.code();
                b.append("<option value=\"").append(esc(v)).append("\">").append(esc(u.name().vi())).append(" — ")
                        .append(esc(a.code())).append("/").append(esc(u.code())).append("</option>");
            }
            b.append("</optgroup>");
        }
        return b.toString();
    }

    /** The posts an official may hold. */
    private static String posts() {
        StringBuilder b = new StringBuilder();
        for (var p : vn.gov.bvhttdl.dvc.domain.Post.values()) {
            b.append("<option value=\"").append(p.name()).append("\">")
                    .append(esc(vn.gov.bvhttdl.dvc.domain.Organisation.standard().label(p).vi())).append("</option>");
        }
        return b.toString();
    }
}
