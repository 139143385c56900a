package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.Channel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A channel that records what it was asked to send; {@code down} makes it fail as an unreachable server would. */
public final class RecordingChannel implements Channel {
    private final String name;
    public final List<Message> sent = Collections.synchronizedList(new ArrayList<>());
    public volatile boolean down;

    public RecordingChannel(String name) { this.name = name; }

    @Override
    public String name() { return name; }

    @Override
    public void send(Message m) {
        if (down) throw new IllegalStateException(name + " server unreachable");
        sent.add(m);
    }
}
