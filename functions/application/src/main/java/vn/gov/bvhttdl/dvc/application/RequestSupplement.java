package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * An official asks for a supplement (form 02), listing everything missing or wrong at once; the clock stops until
 * the applicant resubmits (the workflow data says so).
 */
public final class RequestSupplement {
    private final Dossiers dossiers;
    private final Rules rules;
    private final Clock clock;

    public RequestSupplement(Dossiers dossiers, Rules rules, Clock clock) {
        this.dossiers = dossiers;
        this.rules = rules;
        this.clock = clock;
    }

    public Dossier request(Actor official, String id, List<String> items) { return request(official, id, items, null); }

    /**
     * The request with whose fault it is ({@code "APPLICANT"}, the default when absent, or {@code "AGENCY"}): the
     * survey's indicator 3 counts only the agency's (Circular 01/2018/TT-VPCP: a contact caused by the applicant's
     * fault is not counted).
     */
    public Dossier request(Actor official, String id, List<String> items, String fault) {
        Command.RequestSupplement.Fault f;
        try {
            f = fault == null || fault.isBlank() ? Command.RequestSupplement.Fault.APPLICANT : Command.RequestSupplement.Fault.valueOf(fault.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-supplement-fault", new Text(
                    "Lỗi thuộc về người nộp hồ sơ (APPLICANT) hoặc cơ quan (AGENCY).", "The fault is the applicant's (APPLICANT) or the agency's (AGENCY).").at("fault"));
        }
        List<String> given = items == null ? List.of() : items.stream().map(s -> s == null ? "" : s.strip()).filter(s -> !s.isEmpty()).toList();
        if (given.isEmpty() || given.size() > Limits.MAX_SUPPLEMENT_ITEMS || given.stream().anyMatch(s -> s.length() > Limits.MAX_SUPPLEMENT_ITEM)) {
            throw new DomainException(DomainException.Kind.INVALID, "supplement-items-required",
                    new Text("Nêu đầy đủ các nội dung cần bổ sung (1–" + Limits.MAX_SUPPLEMENT_ITEMS + " mục, mỗi mục tối đa "
                            + Limits.MAX_SUPPLEMENT_ITEM + " ký tự).",
                            "List every item to supplement (1–" + Limits.MAX_SUPPLEMENT_ITEMS + " items, "
                                    + Limits.MAX_SUPPLEMENT_ITEM + " characters each at most)."));
        }
        Dossier d = Access.inScope(dossiers, rules, official, id);
        Access.requireProcess(rules, d).require(d, official, "request-supplement");
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) numbered.add((i + 1) + ". " + given.get(i));
        Dossier.Change c = d.handle(new Command.RequestSupplement(numbered, f), official, clock.instant());
        dossiers.save(c);
        return c.dossier();
    }
}
