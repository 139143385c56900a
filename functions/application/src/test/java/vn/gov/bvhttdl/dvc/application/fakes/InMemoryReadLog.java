package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.ReadLog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The officials' reads in memory, newest first by moment then by order of recording; {@link #failing} makes every
 * write fail, as a table out of reach would. The cursor is the index of the next read.
 */
public final class InMemoryReadLog implements ReadLog {
    private final List<Read> reads = new ArrayList<>();
    private volatile boolean failing;

    /** From now on every {@link #record} fails (or succeeds again). */
    public void failing(boolean fail) { this.failing = fail; }

    @Override
    public synchronized void record(Read read) {
        if (failing) throw new IllegalStateException("the read log is out of reach");
        reads.add(read);
    }

    @Override
    public synchronized Page reads(String dossierId, int size, String after) {
        List<Read> mine = new ArrayList<>();
        for (int i = reads.size() - 1; i >= 0; i--) if (reads.get(i).dossierId().equals(dossierId)) mine.add(reads.get(i));
        mine.sort(Comparator.comparing(Read::at).reversed());
        int from = after == null ? 0 : Integer.parseInt(after);
        int to = Math.min(mine.size(), from + size);
        return new Page(List.copyOf(mine.subList(Math.min(from, to), to)), to < mine.size() ? Integer.toString(to) : null);
    }

    /** Every read recorded, in order. */
    public synchronized List<Read> all() { return List.copyOf(reads); }
}
