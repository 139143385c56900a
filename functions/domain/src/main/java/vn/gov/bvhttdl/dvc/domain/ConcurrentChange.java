package vn.gov.bvhttdl.dvc.domain;

/**
 * A lost race: another writer changed the item between our read and our conditional write. Raised only by adapters
 * (a conditional write that failed); the use case that made the change reads again and decides again
 * ({@code application.Races}), and when it keeps losing the caller is told {@code changed-meanwhile} (409, "reload
 * and try again"). Never a rule's refusal: a refusal is {@link DomainException.Kind#REFUSED}.
 */
public final class ConcurrentChange extends DomainException {
    private final String what;

    /** @param what what changed meanwhile, for the log (e.g. {@code dossier 01J…}); never shown to the user */
    public ConcurrentChange(String what) {
        super(Kind.RACE, "changed-meanwhile", ProblemTexts.standard().entry("changed-meanwhile").text());
        this.what = what;
    }

    public String what() { return what; }

    @Override
    public String getMessage() { return "changed-meanwhile: " + what; }
}
