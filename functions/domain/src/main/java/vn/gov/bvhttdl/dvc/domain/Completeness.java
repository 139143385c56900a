package vn.gov.bvhttdl.dvc.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The checklist an applicant sees before submitting, item by item with the reason, in the words an official would
 * use in a supplement request (form 02): every mandatory component present and accepted, formats allowed, the
 * applicant's data valid. The validation function runs the same check again on the server.
 */
public final class Completeness {
    /**
     * {@code NATIONAL}: no file needed, the component will be taken from its national database when the dossier is
     * submitted (an organisation signed in with its national identity); it does not hold submission up.
     */
    public enum State { OK, MISSING, PENDING, REJECTED, OPTIONAL, NATIONAL }

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
        return check(procedure, dossier, attachments, now, java.util.Map.of());
    }

    /**
     * The enterprise code whose registration the national enterprise database can be asked for: that of an
     * organisation that signed in with its national identity (its representative recorded at creation), else null.
     * A code typed by a person signed in as a citizen is not looked up.
     */
    public static String verifiedEnterprise(Dossier dossier) {
        Facts f = dossier.facts();
        String code = dossier.applicant() == null ? null : dossier.applicant().enterpriseCode();
        return f != null && f.representative() != null && code != null && !code.isBlank() ? code : null;
    }

    /** Whether component {@code c} of the dossier can be taken from its national database rather than asked for. */
    public static boolean retrievable(Procedure.Component c, Dossier dossier) {
        return c.fromNationalDatabase(Procedure.NationalData.ENTERPRISE_REGISTRATION) && verifiedEnterprise(dossier) != null;
    }

    /**
     * @param unavailable the components whose national data could not be retrieved at submission, each with why:
     *                    they are asked of the applicant again (Resolution 66.7/2025/NQ-CP Art 2(2))
     */
    public static Result check(Procedure procedure, Dossier dossier, List<Attachment> attachments, java.time.Instant now,
                               java.util.Map<String, Text> unavailable) {
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
            Procedure.NationalData nd = c.nationalData();
            if (accepted) {
                Attachment filled = mine.stream().filter(a -> a.status() == Attachment.Status.ACCEPTED && a.fromNationalDatabase()).findFirst().orElse(null);
                items.add(new Item(c.code(), c.name(), c.mandatory(), State.OK, filled == null || nd == null ? null : new Text(
                        "Đã lấy từ " + nd.name().vi() + ".", "Taken from " + nd.name().en() + ".")));
            } else if (mine.isEmpty() && nd != null && unavailable.containsKey(c.code())) {
                Text why = unavailable.get(c.code());
                items.add(new Item(c.code(), c.name(), true, State.MISSING, new Text(
                        "\"" + c.name().vi() + "\": không lấy được dữ liệu từ " + nd.name().vi() + " (" + why.vi()
                                + "). Vui lòng tải lên giấy tờ này (" + String.join(", ", c.formats()) + ").",
                        "\"" + c.name().en() + "\": the data could not be retrieved from " + nd.name().en() + " (" + why.en()
                                + "). Please upload this document (" + String.join(", ", c.formats()) + ").").at("component." + c.code())));
            } else if (mine.isEmpty() && retrievable(c, dossier)) {
                items.add(new Item(c.code(), c.name(), c.mandatory(), State.NATIONAL, new Text(
                        "Không cần tải lên: sẽ được lấy từ " + nd.name().vi() + " khi nộp hồ sơ; chỉ phải tải lên nếu không lấy được dữ liệu.",
                        "No upload needed: taken from " + nd.name().en() + " when the dossier is submitted; upload it only if the data cannot be retrieved.")));
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
