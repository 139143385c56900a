package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.SigningSessions;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The SigningSessions port in memory. */
public final class InMemorySigningSessions implements SigningSessions {
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    @Override
    public void open(Session s) {
        if (sessions.putIfAbsent(s.id(), s) != null) throw new IllegalStateException("session " + s.id() + " exists");
    }

    @Override
    public Optional<Session> find(String id) { return Optional.ofNullable(id == null ? null : sessions.get(id)); }

    @Override
    public boolean close(String id) { return sessions.remove(id) != null; }

    public int open() { return sessions.size(); }
}
