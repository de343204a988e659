package io.github.guestinspect.report;

import io.github.guestinspect.model.Failure;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.policy.ExpiredWaiver;
import io.github.guestinspect.policy.PolicyEvaluation;
import io.github.guestinspect.policy.Rule;
import io.github.guestinspect.policy.Severity;
import io.github.guestinspect.policy.Violation;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Policy results as JUnit XML, the format the Jenkins {@code junit} step (and most CI systems) read: one test suite
 * per image ({@code guest-inspect policy: IMAGE}), one test case per rule, class name
 * {@code guest-inspect.<image file name, dots as underscores>} (Jenkins splits a class name at its last dot).
 *
 * <ul>
 *   <li>A rule of severity error or warning with active violations is a {@code <failure>} (type: the severity)
 *   whose text lists every violation with its root, subject and expectation, and any waiver that expired.</li>
 *   <li>Info violations pass: they are listed in the test case's {@code <system-out>}.</li>
 *   <li>Waived violations pass: they are listed in {@code <system-out>} with the waiver's reason and last day.</li>
 *   <li>An image that could not be inspected gets a test case {@code inspection} with an {@code <error>}, and its
 *   rules are {@code <skipped>}: a tool failure is never green.</li>
 * </ul>
 *
 * Everything from an image is untrusted: the XML writer escapes markup, and characters XML 1.0 cannot carry are
 * replaced by U+FFFD ({@link XmlText}). The stream is flushed, not closed.
 */
public final class JunitReport {
    static final String REPORT_NAME = "guest-inspect policy";
    static final String SUITE_PREFIX = REPORT_NAME + ": ";
    static final String CLASS_PREFIX = "guest-inspect.";
    static final String INSPECTION_CASE = "inspection";
    static final String NOT_EVALUATED = "not evaluated: the image could not be inspected";

    public void write(final PolicyEvaluation evaluation, final List<InspectionResult> results,
                      final OutputStream output) throws IOException {
        List<Suite> suites = suites(evaluation, results);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(output, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", REPORT_NAME);
            writeCounts(xml, Counts.sum(suites.stream().map(Suite::counts).toList()));
            for (Suite suite : suites) {
                writeSuite(xml, suite);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        }
        catch (XMLStreamException exception) {
            throw new IOException("cannot write the JUnit report: " + exception.getMessage(), exception);
        }
        output.flush();
    }

    private static void writeSuite(final XMLStreamWriter xml, final Suite suite) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", XmlText.attribute(SUITE_PREFIX + suite.image()));
        writeCounts(xml, suite.counts());
        for (TestCase testCase : suite.cases()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", XmlText.attribute(testCase.className()));
            xml.writeAttribute("name", XmlText.attribute(testCase.name()));
            if (testCase.outcome().isPresent()) {
                Outcome outcome = testCase.outcome().get();
                xml.writeCharacters("\n      ");
                xml.writeStartElement(outcome.kind().element());
                xml.writeAttribute("message", XmlText.attribute(outcome.message()));
                xml.writeAttribute("type", XmlText.attribute(outcome.type()));
                xml.writeCharacters(XmlText.content(outcome.text()));
                xml.writeEndElement();
            }
            if (!testCase.output().isEmpty()) {
                xml.writeCharacters("\n      ");
                xml.writeStartElement("system-out");
                xml.writeCharacters(XmlText.content(testCase.output()));
                xml.writeEndElement();
            }
            if (testCase.outcome().isPresent() || !testCase.output().isEmpty()) {
                xml.writeCharacters("\n    ");
            }
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void writeCounts(final XMLStreamWriter xml, final Counts counts) throws XMLStreamException {
        xml.writeAttribute("tests", Integer.toString(counts.tests()));
        xml.writeAttribute("failures", Integer.toString(counts.failures()));
        xml.writeAttribute("errors", Integer.toString(counts.errors()));
        xml.writeAttribute("skipped", Integer.toString(counts.skipped()));
    }

    /**
     * One suite per image: the results' order first (failed images included), then evaluated images the results
     * do not name.
     */
    static List<Suite> suites(final PolicyEvaluation evaluation, final List<InspectionResult> results) {
        Map<String, Optional<Failure>> failures = new LinkedHashMap<>();
        Map<String, String> fileNames = new HashMap<>();
        Set<String> evaluated = new LinkedHashSet<>(evaluation.images());
        for (InspectionResult result : results) {
            String image = result.image().path();
            fileNames.putIfAbsent(image, result.image().fileName());
            if (result.isFailed()) {
                failures.put(image, result.failure());
            }
            else if (evaluated.contains(image)) {
                failures.putIfAbsent(image, Optional.empty());
            }
        }
        evaluated.forEach(image -> failures.putIfAbsent(image, Optional.empty()));
        Map<String, String> classNames = classNames(failures.keySet(), fileNames);

        List<Suite> suites = new ArrayList<>();
        failures.forEach((image, failure) -> {
            String className = classNames.get(image);
            List<TestCase> cases = new ArrayList<>();
            failure.ifPresent(cause -> cases.add(inspectionError(className, cause)));
            for (Rule rule : evaluation.rules()) {
                cases.add(evaluated.contains(image) ? ruleCase(evaluation, image, className, rule)
                        : new TestCase(className, rule.id(), Optional.of(new Outcome(Outcome.Kind.SKIPPED,
                        NOT_EVALUATED, "not-evaluated", NOT_EVALUATED)), ""));
            }
            suites.add(new Suite(image, cases));
        });
        return suites;
    }

    /**
     * {@code guest-inspect.<file name>} with dots as underscores; where two images share a file name, their paths
     * as given tell them apart instead.
     */
    private static Map<String, String> classNames(final Set<String> images, final Map<String, String> fileNames) {
        Map<String, String> names = new HashMap<>();
        images.forEach(image -> names.put(image, fileNames.getOrDefault(image, fileName(image))));
        Map<String, Long> uses = names.values().stream()
                .collect(Collectors.groupingBy(name -> name, Collectors.counting()));
        Map<String, String> classNames = new HashMap<>();
        names.forEach((image, name) -> classNames.put(image,
                CLASS_PREFIX + (uses.get(name) > 1 ? image : name).replace('.', '_')));
        return classNames;
    }

    /** The last element of a path as given (the results name it; this serves evaluated images they lack). */
    static String fileName(final String path) {
        String trimmed = path;
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        int slash = trimmed.lastIndexOf('/');
        return slash < 0 || trimmed.length() == 1 ? trimmed : trimmed.substring(slash + 1);
    }

    private static TestCase inspectionError(final String className, final Failure failure) {
        String kind = failure.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return new TestCase(className, INSPECTION_CASE, Optional.of(new Outcome(Outcome.Kind.ERROR,
                failure.message(), kind, "the image could not be inspected (" + kind + "): " + failure.message())),
                "");
    }

    private static TestCase ruleCase(final PolicyEvaluation evaluation, final String image, final String className,
                                     final Rule rule) {
        List<Violation> violations = evaluation.violations().stream()
                .filter(violation -> violation.image().equals(image) && violation.ruleId().equals(rule.id()))
                .toList();
        List<Violation> active = violations.stream().filter(Predicate.not(Violation::isWaived)).toList();
        List<String> waived = violations.stream().filter(Violation::isWaived).map(JunitReport::waivedLine)
                .toList();
        List<String> expired = evaluation.expiredWaivers().stream()
                .filter(old -> old.image().equals(image) && old.ruleId().equals(rule.id()))
                .map(JunitReport::expiredLine).toList();
        Severity severity = rule.severity();

        List<String> output = new ArrayList<>();
        Optional<Outcome> outcome = Optional.empty();
        if (!active.isEmpty() && severity != Severity.INFO) {
            List<String> text = new ArrayList<>();
            text.add(rule.title());
            active.forEach(violation -> text.add(line(violation)));
            text.addAll(expired);
            outcome = Optional.of(new Outcome(Outcome.Kind.FAILURE, active.size() + " violation(s) of " + rule.id()
                    + " (" + severity.label() + ")", severity.label(), String.join("\n", text) + "\n"));
        }
        else {
            if (!active.isEmpty()) {
                output.add(active.size() + " violation(s) of " + rule.id() + " (info, does not fail): "
                        + rule.title());
                active.forEach(violation -> output.add(line(violation)));
            }
            output.addAll(expired);
        }
        if (!waived.isEmpty()) {
            output.add(waived.size() + " waived violation(s) of " + rule.id() + ":");
            output.addAll(waived);
        }
        return new TestCase(className, rule.id(), outcome, output.isEmpty() ? "" : String.join("\n", output) + "\n");
    }

    /** {@code /dev/sda1: openssl 3.0.11-1: forbidden (openssl)}; checks on the image itself have no root. */
    private static String line(final Violation violation) {
        return (violation.root().isEmpty() ? "" : violation.root() + ": ") + violation.message();
    }

    private static String waivedLine(final Violation violation) {
        return line(violation) + violation.waiver().map(waiver -> " (waived until " + waiver.until() + ": "
                + waiver.reason() + ")").orElse("");
    }

    private static String expiredLine(final ExpiredWaiver expired) {
        return "waiver for '" + expired.waiver().image() + "' expired on " + expired.waiver().until()
                + " and no longer applies (" + expired.waiver().reason() + ")";
    }

    /** The test cases of one image. */
    record Suite(String image, List<TestCase> cases) {
        Counts counts() {
            return Counts.sum(cases.stream().map(TestCase::counts).toList());
        }
    }

    /**
     * One test case.
     *
     * @param outcome a failure, error or skip; empty when it passed
     * @param output  its system-out, "" for none
     */
    record TestCase(String className, String name, Optional<Outcome> outcome, String output) {
        Counts counts() {
            Optional<Outcome.Kind> kind = outcome.map(Outcome::kind);
            return new Counts(1, kind.filter(Outcome.Kind.FAILURE::equals).isPresent() ? 1 : 0,
                    kind.filter(Outcome.Kind.ERROR::equals).isPresent() ? 1 : 0,
                    kind.filter(Outcome.Kind.SKIPPED::equals).isPresent() ? 1 : 0);
        }
    }

    /** Why a test case did not pass. */
    record Outcome(Kind kind, String message, String type, String text) {
        enum Kind {
            FAILURE("failure"), ERROR("error"), SKIPPED("skipped");

            private final String element;

            Kind(final String element) {
                this.element = element;
            }

            String element() {
                return element;
            }
        }
    }

    /** The counts JUnit XML carries on suites. */
    record Counts(int tests, int failures, int errors, int skipped) {
        static Counts sum(final List<Counts> parts) {
            return new Counts(parts.stream().mapToInt(Counts::tests).sum(),
                    parts.stream().mapToInt(Counts::failures).sum(), parts.stream().mapToInt(Counts::errors).sum(),
                    parts.stream().mapToInt(Counts::skipped).sum());
        }
    }
}
