package vn.gov.bvhttdl.dvc.structure;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.LunarCalendar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The house rules of docs/architecture.md, checked on the compiled classes of every library and function module
 * (this module depends on all of them, test scope):
 * <ol>
 *   <li>the domain is plain Java: the JDK, itself, and the two libraries its module declares;</li>
 *   <li>the application (use cases over ports) knows no AWS, no Micronaut and no adapter;</li>
 *   <li>controllers and handlers only translate: they do not reach into the adapters (each function's
 *       {@code @Factory} wires them behind the application's ports);</li>
 *   <li>one function's package does not use another function's: what two functions share lives in a library.</li>
 * </ol>
 */
class StructureTest {
    static final String ROOT = "vn.gov.bvhttdl.dvc";

    /** Each function module (a {@code CodeUri} of template.yaml, a shaded jar) and the package of its code. */
    static final Map<String, String> FUNCTIONS = new LinkedHashMap<>();
    static {
        FUNCTIONS.put("public-api", ROOT + ".api.pub");
        FUNCTIONS.put("citizen-api", ROOT + ".api.citizen");
        FUNCTIONS.put("official-api", ROOT + ".api.official");
        FUNCTIONS.put("admin-api", ROOT + ".api.admin");
        FUNCTIONS.put("validation", ROOT + ".validation");
        FUNCTIONS.put("upload-scan", ROOT + ".uploadscan");
        FUNCTIONS.put("submission-sweep", ROOT + ".sweep");
        FUNCTIONS.put("deadline-watch", ROOT + ".deadlines");
        FUNCTIONS.put("status-counts", ROOT + ".counts");
        FUNCTIONS.put("status-notify", ROOT + ".notify");
        FUNCTIONS.put("notice-resend", ROOT + ".resend");
        FUNCTIONS.put("email-feedback", ROOT + ".feedback");
        FUNCTIONS.put("quality-survey", ROOT + ".survey");
        FUNCTIONS.put("payment-callback", ROOT + ".paymentcallback");
        FUNCTIONS.put("payment-reconcile", ROOT + ".reconcile");
        FUNCTIONS.put("national-outbox", ROOT + ".national.outbox");
        FUNCTIONS.put("national-sync", ROOT + ".national.sync");
        FUNCTIONS.put("national-inbox", ROOT + ".national.inbox");
        FUNCTIONS.put("tax-handover", ROOT + ".taxhandover");
        FUNCTIONS.put("archive", ROOT + ".archive");
    }

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    /** The function this class belongs to, if it is a function's (the libraries, api-support's root package included, are none). */
    static String functionOf(String packageName) {
        for (Map.Entry<String, String> f : FUNCTIONS.entrySet()) {
            if (packageName.equals(f.getValue()) || packageName.startsWith(f.getValue() + ".")) return f.getKey();
        }
        return null;
    }

    static final DescribedPredicate<JavaClass> IN_A_FUNCTION =
            DescribedPredicate.describe("are in a function module", c -> functionOf(c.getPackageName()) != null);

    static final DescribedPredicate<JavaClass> CONTROLLER_OR_HANDLER = DescribedPredicate.describe(
            "are controllers (@Controller) or handlers (*Handler)",
            c -> c.isAnnotatedWith("io.micronaut.http.annotation.Controller") || c.getSimpleName().endsWith("Handler"));

    // ---------------------------------------------------------------- the list above is the code's

    @Test
    void theFunctionListIsTheTemplatesAndEachIsOnTheClassPath() throws IOException {
        Set<String> inTemplate = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\s+Handler:\\s*(\\S+)\\.[A-Za-z0-9_]+\\s*$").matcher(Files.readString(repoRoot().resolve("template.yaml")));
        while (m.find()) inTemplate.add(m.group(1));
        assertEquals(new TreeSet<>(FUNCTIONS.values()), inTemplate,
                "StructureTest.FUNCTIONS must list the package of every function in template.yaml (and this module's pom depend on it)");
        for (var f : FUNCTIONS.entrySet()) {
            assertTrue(classes.stream().anyMatch(c -> c.getPackageName().equals(f.getValue())),
                    "no class of " + f.getKey() + " (" + f.getValue() + ") was imported: add it to functions/structure-tests/pom.xml");
        }
    }

    // ---------------------------------------------------------------- (a) domain

    @Test
    void theDomainUsesOnlyTheJdkItselfAndItsTwoDeclaredLibraries() {
        ArchRule rule = classes().that().resideInAPackage(ROOT + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", ROOT + ".domain..",
                        "com.fasterxml.jackson.core..", "com.ibm.icu..")
                .because("the domain is plain Java: no AWS, no Micronaut, no adapter; jackson-core's streaming parser"
                        + " reads the rules data (Json) and ICU4J is the optional lunar astronomy (LunarCalendar)");
        rule.check(classes);
    }

    @Test
    void onlyTheLunarCalendarUsesIcu() {
        noClasses().that().resideInAPackage(ROOT + "..").and().doNotBelongToAnyOf(LunarCalendar.class)
                .should().dependOnClassesThat().resideInAPackage("com.ibm.icu..")
                .because("ICU4J is optional and no function's jar carries it: the functions read rules/lunar-holidays.json,"
                        + " which LunarTableTest checks against LunarCalendar")
                .check(classes);
    }

    // ---------------------------------------------------------------- (b) application

    @Test
    void theApplicationKnowsNoAwsNoMicronautAndNoAdapter() {
        noClasses().that().resideInAPackage(ROOT + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..", "io.micronaut..",
                        ROOT + ".adapters..")
                .because("the use cases work over ports and are tested with the in-memory fakes, without AWS or a framework")
                .check(classes);
    }

    // ---------------------------------------------------------------- (c) controllers and handlers

    @Test
    void controllersAndHandlersDoNotReachIntoTheAdapters() {
        noClasses().that(IN_A_FUNCTION).and(CONTROLLER_OR_HANDLER)
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".adapters..")
                .as("controllers and handlers of the function modules should not depend on the adapters")
                .because("they only translate the request into a use case of the application and its answer back;"
                        + " the adapters are wired behind the application's ports by each function's @Factory")
                .check(classes);
    }

    // ---------------------------------------------------------------- (d) functions apart

    @Test
    void noFunctionUsesAnotherFunctionsCode() {
        SliceAssignment byFunction = new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String f = functionOf(c.getPackageName());
                return f == null ? SliceIdentifier.ignore() : SliceIdentifier.of(f);
            }

            @Override
            public String getDescription() { return "the function modules"; }
        };
        slices().assignedFrom(byFunction).should().notDependOnEachOther()
                .because("each function is its own jar: what two functions share belongs in a library module"
                        + " (domain, application, adapters, api-support, lambda-support, signing, documents, notifications, payments)")
                .check(classes);
    }

    static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("template.yaml"))) return p;
        }
        throw new IllegalStateException("no template.yaml above " + Path.of("").toAbsolutePath());
    }
}
