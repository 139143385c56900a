package vn.gov.bvhttdl.dvc.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One field of a procedure's e-form (catalogue data): the browser builds the form from it and the server checks
 * the same definition, so the two never disagree. Values travel as strings; {@code checkboxes} joins its chosen
 * values with commas.
 *
 * @param pattern  a regular expression the whole value must match (text, tel), with {@code patternHint} saying it in words
 */
public record FormField(String name, String type, Text label, boolean required, String pattern, Text patternHint,
                        List<Option> options, Text help, int maxLength) {
    public static final Set<String> TYPES = Set.of("text", "textarea", "number", "select", "checkboxes", "email", "tel", "date");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    public record Option(String value, Text label) {}

    public FormField {
        if (name == null || !NAME.matcher(name).matches()) throw new Procedure.Invalid("formFields", "tên trường \"" + Limits.clip(String.valueOf(name)) + "\" phải bắt đầu bằng chữ cái, chỉ gồm chữ không dấu, số và _", "field name \"" + Limits.clip(String.valueOf(name)) + "\" must start with a letter and hold only letters, digits and _");
        if (!TYPES.contains(type)) throw new Procedure.Invalid("formFields", "trường " + name + ": kiểu phải là một trong " + TYPES, "field " + name + ": type must be one of " + TYPES);
        if (label == null) throw new Procedure.Invalid("formFields", "trường " + name + " cần nhãn", "field " + name + " needs a label");
        options = options == null ? List.of() : List.copyOf(options);
        if ((type.equals("select") || type.equals("checkboxes")) && options.isEmpty()) {
            throw new Procedure.Invalid("formFields", "trường " + name + " cần các lựa chọn", "field " + name + " needs options");
        }
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new Procedure.Invalid("formFields", "trường " + name + ": mẫu kiểm tra (pattern) không hợp lệ", "field " + name + ": invalid pattern");
            }
        }
        if (maxLength <= 0 || maxLength > Limits.MAX_FIELD_LENGTH) maxLength = Limits.MAX_FIELD_LENGTH;
    }

    static FormField of(Map<String, Object> m) {
        List<Option> options = Json.list(m.get("options")).stream().map(Json::obj)
                .map(o -> new Option(Json.str(o, "value"), Json.text(o, "label"))).toList();
        Object max = m.get("maxLength");
        return new FormField(Json.str(m, "name"), m.get("type") == null ? "text" : Json.str(m, "type"), Json.text(m, "label"),
                Boolean.TRUE.equals(m.get("required")), Json.str(m, "pattern"), Json.text(m, "patternHint"), options,
                Json.text(m, "help"), max instanceof Number n ? n.intValue() : 0);
    }

    /**
     * Everything wrong with {@code form} against {@code fields}, each error about its field ({@code form.<name>}).
     * {@code complete}: also every required field that is empty (at submission; a draft may be partial). A form
     * without declared fields is free (older procedures); with declared fields, an unknown name is an error.
     */
    public static List<Text> problems(Collection<FormField> fields, Map<String, String> form, boolean complete) {
        List<Text> out = new ArrayList<>();
        Map<String, String> values = form == null ? Map.of() : form;
        if (fields.isEmpty()) return out;
        for (String k : values.keySet()) {
            if (fields.stream().noneMatch(f -> f.name().equals(k))) {
                out.add(new Text("Biểu mẫu của thủ tục không có trường \"" + Limits.clip(k) + "\".",
                        "The procedure's form has no field \"" + Limits.clip(k) + "\".").at("form." + Limits.clip(k)));
            }
        }
        for (FormField f : fields) {
            String v = values.get(f.name());
            if (v == null || v.isBlank()) {
                if (complete && f.required()) {
                    out.add(new Text("Chưa nhập \"" + f.label().vi() + "\".", "\"" + f.label().en() + "\" is required.").at("form." + f.name()));
                }
                continue;
            }
            Text wrong = f.check(v.strip());
            if (wrong != null) out.add(wrong.at("form." + f.name()));
        }
        return out;
    }

    /** A filled field as a person reads it: the field's label and the value in words. */
    public record Line(String name, Text label, Text value) {}

    /**
     * {@code value} as a person reads it, the same in the letters, the result's face and the officials' page: a
     * choice's label, the labels of the boxes ticked (joined by commas), a date as dd/mm/yyyy; otherwise as typed.
     */
    public Text display(String value) {
        if (value == null) return null;
        String v = value.strip();
        switch (type) {
            case "select" -> {
                for (Option o : options) if (o.value().equals(v)) return o.label();
            }
            case "checkboxes" -> {
                List<String> vi = new ArrayList<>(), en = new ArrayList<>();
                for (String part : v.split(",")) {
                    Option o = options.stream().filter(x -> x.value().equals(part.strip())).findFirst().orElse(null);
                    vi.add(o == null ? part.strip() : o.label().vi());
                    en.add(o == null ? part.strip() : o.label().en() == null ? o.label().vi() : o.label().en());
                }
                return new Text(String.join(", ", vi), String.join(", ", en));
            }
            case "date" -> {
                try {
                    String d = LocalDate.parse(v).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
                    return new Text(d, d);
                } catch (DateTimeParseException e) {
                    // shown as typed
                }
            }
            default -> { }
        }
        return new Text(v, v);
    }

    /**
     * The filled fields of {@code form} in the e-form's order, each with its label and its value in words; a value
     * the definition does not name (a free-text request of an older version) is shown under its own name.
     */
    public static List<Line> lines(Collection<FormField> fields, Map<String, String> form) {
        return lines(fields, form, name -> java.util.Optional.empty());
    }

    /**
     * As {@link #lines(Collection, Map)}; a value this version does not define is labelled by {@code elsewhere}'s
     * definition of the same name (another version of the procedure: a dossier created under an older version keeps
     * its values, and a person still reads them in words, never as the catalogue's keys).
     */
    public static List<Line> lines(Collection<FormField> fields, Map<String, String> form,
                                   java.util.function.Function<String, java.util.Optional<FormField>> elsewhere) {
        List<Line> out = new ArrayList<>();
        Map<String, String> values = form == null ? Map.of() : form;
        for (FormField f : fields) {
            String v = values.get(f.name());
            if (v != null && !v.isBlank()) out.add(new Line(f.name(), f.label(), f.display(v)));
        }
        new java.util.TreeMap<>(values).forEach((k, v) -> {
            if (v != null && !v.isBlank() && fields.stream().noneMatch(f -> f.name().equals(k))) {
                java.util.Optional<FormField> other = k.equals("note") ? java.util.Optional.empty() : elsewhere.apply(k);
                if (other.isPresent()) {
                    out.add(new Line(k, other.get().label(), other.get().display(v)));
                } else {
                    Text label = k.equals("note") ? new Text("Nội dung đề nghị", "Request") : new Text(k, k);
                    out.add(new Line(k, label, new Text(v, v)));
                }
            }
        });
        return out;
    }

    /** Why {@code v} is not a valid value, or null. */
    private Text check(String v) {
        String vi = "\"" + label.vi() + "\"", en = "\"" + label.en() + "\"";
        if (v.length() > maxLength) return new Text(vi + " dài quá " + maxLength + " ký tự.", en + " is longer than " + maxLength + " characters.");
        switch (type) {
            case "number" -> {
                if (!v.matches("-?\\d{1,15}([.,]\\d{1,6})?")) return new Text(vi + " phải là một số.", en + " must be a number.");
            }
            case "email" -> {
                if (!EMAIL.matcher(v).matches()) return new Text(vi + " không phải địa chỉ thư điện tử (ten@mien.vn).", en + " is not an e-mail address (name@domain.vn).");
            }
            case "date" -> {
                try {
                    LocalDate.parse(v);
                } catch (DateTimeParseException e) {
                    return new Text(vi + " phải là một ngày có thật (dd/mm/yyyy).", en + " must be a real date (dd/mm/yyyy).");
                }
            }
            case "select" -> {
                if (options.stream().noneMatch(o -> o.value().equals(v))) return new Text(vi + ": giá trị không có trong danh sách.", en + ": the value is not one of the choices.");
            }
            case "checkboxes" -> {
                for (String part : v.split(",")) {
                    if (options.stream().noneMatch(o -> o.value().equals(part.strip()))) {
                        return new Text(vi + ": \"" + Limits.clip(part) + "\" không có trong danh sách.", en + ": \"" + Limits.clip(part) + "\" is not one of the choices.");
                    }
                }
            }
            default -> { }
        }
        if (pattern != null && !v.matches(pattern)) {
            Text hint = patternHint == null ? new Text("không đúng định dạng", "is not in the expected format") : patternHint;
            return new Text(vi + ": " + hint.vi() + ".", en + ": " + hint.en() + ".");
        }
        return null;
    }
}
