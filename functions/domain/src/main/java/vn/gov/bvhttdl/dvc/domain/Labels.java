package vn.gov.bvhttdl.dvc.domain;

import java.util.List;

/**
 * The names a person reads for the catalogue's and the organisation's codes, in one place: a dossier component's
 * document name ({@code DON} → "Đơn đề nghị…"), a unit's and an agency's name ({@code MOTCUA} → "Bộ phận Một cửa…"),
 * a post's label ({@code ONE_STOP}). Every page and document prints these, never the codes; null when the data does
 * not know the code (the page then says nothing rather than the code).
 */
public final class Labels {
    private Labels() {}

    /** The name of unit {@code unit} of agency {@code agency}, or null. */
    public static Text unit(String agency, String unit) {
        if (unit == null) return null;
        return Organisation.standard().agency(agency).flatMap(a -> a.unit(unit)).map(Organisation.Unit::name).orElse(null);
    }

    /** The name of agency {@code agency}, or null. */
    public static Text agency(String agency) {
        return Organisation.standard().agency(agency).map(Organisation.Agency::name).orElse(null);
    }

    /** The label of post {@code post} ({@code ONE_STOP}, {@code SPECIALIST}, {@code LEADER}), or null. */
    public static Text post(String post) {
        Post p = Post.parse(post);
        return p == null ? null : Organisation.standard().label(p);
    }

    /**
     * The document name of component {@code code} in {@code p}, else in the latest version of the same procedure
     * that lists it (a file of an older version), or null.
     */
    public static Text component(Procedure p, String code) {
        if (p == null || code == null) return null;
        for (Procedure.Component c : p.components()) if (c.code().equals(code)) return c.name();
        List<Procedure> versions = ProcedureCatalogue.load().history(p.code());
        for (int i = versions.size() - 1; i >= 0; i--) {
            for (Procedure.Component c : versions.get(i).components()) if (c.code().equals(code)) return c.name();
        }
        return null;
    }
}
