package vn.gov.bvhttdl.dvc.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who signs a letter or a result and, when an official signs on behalf of a superior, for whom: ký thay ("KT.",
 * a deputy for the head) or thừa lệnh ("TL.", a unit's head by the head's order), Decree 30/2020/NĐ-CP Art 13
 * ({@code rules/signing.json}). The block printed is the "KT."/"TL." line over the superior's title, the signer's own
 * title, the signature, the signer's name and, so that both are on the face, whom the signer acts for by name.
 *
 * @param mode        {@code KT}, {@code TL}, or null when the signer signs in their own right
 * @param forTitle    the superior's title (the agency head's, from the rules data), when on behalf
 * @param forName     the superior's name, when on behalf (as the signer's delegation records it)
 * @param signerTitle the signer's own title (the form's signer when in their own right)
 * @param signerName  the signer's name as their sign-in gives it, or null when not recorded
 */
public record Signature(String mode, Text forTitle, String forName, Text signerTitle, String signerName) {
    private static final Map<String, Object> RULES = Json.obj(Json.resource("/rules/signing.json"));
    public static final List<String> MODES = List.copyOf(Json.obj(RULES.get("modes")).keySet());

    public Signature {
        if (mode != null && !MODES.contains(mode)) throw new IllegalArgumentException("signing mode must be one of " + MODES);
    }

    /** The legal basis of signing on behalf (the article, read) and of the block's layout (the appendix, not read). */
    public static List<Citation> basis() {
        return List.of(Citation.of(Json.obj(RULES.get("basis"))), Citation.of(Json.obj(RULES.get("layoutBasis"))));
    }

    /** Whether the signer acts on behalf of a superior. */
    public boolean onBehalf() { return mode != null; }

    /** "KT." or "TL.", or null. */
    public String prefix() {
        return mode == null ? null : Json.str(Json.obj(Json.obj(RULES.get("modes")).get(mode)), "prefix");
    }

    /** The mode in words ("Ký thay", "Thừa lệnh"), or null. */
    public Text modeLabel() {
        return mode == null ? null : Json.text(Json.obj(Json.obj(RULES.get("modes")).get(mode)), "label");
    }

    /** The lines of the block as printed (Vietnamese), {@code signed} the note under the titles ("(Đã ký số)"). */
    public List<String> lines(String signed) {
        List<String> out = new ArrayList<>();
        if (onBehalf()) out.add(prefix() + " " + upper(forTitle.vi()));
        out.add(upper(signerTitle.vi()));
        if (signed != null) out.add(signed);
        if (signerName != null && !signerName.isBlank()) out.add(signerName);
        if (onBehalf()) {
            out.add("(" + modeLabel().vi().toLowerCase(Locale.ROOT) + " " + forTitle.vi()
                    + (forName == null || forName.isBlank() ? "" : " " + forName) + ")");
        }
        return out;
    }

    /** The title of an agency's head ("Cục trưởng" for a Cục…), by the first word(s) of the agency's name. */
    public static Text headTitle(String agencyCode) {
        String name = Organisation.standard().agency(agencyCode).map(a -> a.name().vi()).orElse("");
        Map<String, Object> titles = Json.obj(RULES.get("headTitles"));
        String best = null;
        for (String prefix : titles.keySet()) {
            if (name.startsWith(prefix + " ") && (best == null || prefix.length() > best.length())) best = prefix;
        }
        return best == null ? Json.text(RULES, "defaultHeadTitle") : Json.text(titles, best);
    }

    /** What the trail records of {@code actor}'s signing: their name and, when on behalf of a superior, the delegation. */
    public static Map<String, String> details(Actor actor) {
        Map<String, String> out = new LinkedHashMap<>();
        if (actor.name() != null && !actor.name().isBlank()) out.put("actorName", actor.name());
        Actor.Delegation d = actor.delegation();
        if (d != null) {
            out.put("signMode", d.mode());
            if (d.forName() != null) out.put("signForName", d.forName());
            if (d.title() != null) out.put("signerTitle", d.title());
        }
        return out;
    }

    /** The block of the entry whose {@code details} issued a document of {@code agencyCode}; {@code ownTitle} when in their own right. */
    public static Signature of(Map<String, String> details, String agencyCode, Text ownTitle) {
        String mode = details.get("signMode");
        if (mode != null && !MODES.contains(mode)) mode = null;
        String title = details.get("signerTitle");
        return new Signature(mode, mode == null ? null : headTitle(agencyCode), mode == null ? null : details.get("signForName"),
                mode != null && title != null ? new Text(title, title) : ownTitle, details.get("actorName"));
    }

    /** {@code actor}'s block for a document of {@code agencyCode}. */
    public static Signature of(Actor actor, String agencyCode, Text ownTitle) {
        return of(details(actor), agencyCode, ownTitle);
    }

    private static String upper(String s) { return s == null ? "" : s.toUpperCase(Locale.forLanguageTag("vi")); }
}
