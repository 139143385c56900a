package vn.gov.bvhttdl.dvc.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The checklist an applicant sees before submitting, item by item with the reason, in the words an official would
 * use in a supplement request (form 02): every mandatory component present and accepted, formats allowed, the
 * applicant's data valid. The validation function runs the same check again on the server.
 */
public final class Completeness {
    public enum State { OK, MISSING, PENDING, REJECTED, OPTIONAL }

    /** One line of the checklist; {@code componentCode} is null for the applicant's data. */
    public record Item(String componentCode, Text name, boolean mandatory, State state, Text reason) {}

    public record Result(List<Item> items) {
        public boolean complete() {
            return items.stream().noneMatch(i -> i.state() == State.MISSING || i.state() == State.PENDING
                    || (i.mandatory() && i.state() == State.REJECTED));
        }

        /** The reasons of everything that stops submission, all at once. */
        public List<Text> problems() {
            return items.stream().filter(i -> i.state() == State.MISSING || i.state() == State.PENDING
                    || (i.mandatory() && i.state() == State.REJECTED)).map(Item::reason).toList();
        }
    }

    private Completeness() {}

    /**
     * @param now expired authorisations (a link that ran out with no file judged) and cancelled files are left out
     */
    public static Result check(Procedure procedure, Dossier dossier, List<Attachment> attachments, java.time.Instant now) {
        List<Item> items = new ArrayList<>();
        for (Text missing : dossier.missing(procedure)) {
            items.add(new Item(null, new Text("Thông tin người nộp", "Applicant's data"), true, State.MISSING, missing));
        }
        for (Text wrong : procedure.formProblems(dossier.form(), true)) {
            items.add(new Item(null, new Text("Tờ khai", "The e-form"), true, State.MISSING, wrong));
        }
        for (Procedure.Component c : procedure.components()) {
            List<Attachment> mine = attachments.stream().filter(a -> c.code().equals(a.componentCode())
                    && a.status() != Attachment.Status.CANCELLED && !a.expired(now)).toList();
            boolean accepted = mine.stream().anyMatch(a -> a.status() == Attachment.Status.ACCEPTED);
            // a file still on its way only holds the component up when nothing accepted is there yet
            boolean pending = !accepted && mine.stream().anyMatch(a -> a.status() == Attachment.Status.PENDING);
            if (accepted) {
                items.add(new Item(c.code(), c.name(), c.mandatory(), State.OK, null));
            } else if (pending) {
                items.add(new Item(c.code(), c.name(), c.mandatory(), State.PENDING, new Text(
                        "\"" + c.name().vi() + "\": tệp đang được kiểm tra, vui lòng chờ trong giây lát.",
                        "\"" + c.name().en() + "\": the file is being checked, please wait a moment.").at("component." + c.code())));
            } else if (!mine.isEmpty()) {
                Attachment last = mine.get(mine.size() - 1);
                Text why = last.reason() == null ? new Text("không hợp lệ", "not valid") : last.reason();
                items.add(new Item(c.code(), c.name(), c.mandatory(), State.REJECTED, new Text(
                        "\"" + c.name().vi() + "\": tệp \"" + last.fileName() + "\" bị từ chối (" + why.vi() + "). Vui lòng tải lên tệp khác.",
                        "\"" + c.name().en() + "\": file \"" + last.fileName() + "\" was rejected (" + why.en() + "). Please upload another file.").at("component." + c.code())));
            } else if (c.mandatory()) {
                items.add(new Item(c.code(), c.name(), true, State.MISSING, new Text(
                        "Thiếu thành phần hồ sơ: \"" + c.name().vi() + "\" (" + String.join(", ", c.formats()) + ").",
                        "Missing component: \"" + c.name().en() + "\" (" + String.join(", ", c.formats()) + ").").at("component." + c.code())));
            } else {
                items.add(new Item(c.code(), c.name(), false, State.OPTIONAL, c.condition()));
            }
        }
        return new Result(items);
    }
}
