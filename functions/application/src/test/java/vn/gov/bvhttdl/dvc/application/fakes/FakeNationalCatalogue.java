package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.NationalCatalogue;

import java.util.ArrayList;
import java.util.List;

/** The national database as a list the test sets, or down; counts the reads. */
public final class FakeNationalCatalogue implements NationalCatalogue {
    private final List<NationalProcedure> procedures = new ArrayList<>();
    private Unavailable.Reason down;
    private int reads;

    public FakeNationalCatalogue add(NationalProcedure p) {
        procedures.add(p);
        return this;
    }

    public FakeNationalCatalogue down(Unavailable.Reason reason) {
        down = reason;
        return this;
    }

    public int reads() { return reads; }

    @Override
    public List<NationalProcedure> procedures() {
        reads++;
        if (down != null) throw new Unavailable(down, "fake: " + down);
        return List.copyOf(procedures);
    }
}
