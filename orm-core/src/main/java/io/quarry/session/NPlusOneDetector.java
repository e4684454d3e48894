package io.quarry.session;

import io.quarry.NPlusOneException;
import io.quarry.dialect.LexicalRule;
import java.security.CodeSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.Instant;

/**
 * The N+1 detector of one session: counts the reads the session runs by shape and reports a shape
 * that runs more often than {@link NPlusOneDetection#threshold()} allows, once per shape as a warning,
 * or on every run above it as an {@link NPlusOneException} in strict mode. A session whose detection is
 * off has none, so it costs nothing. Per statement it costs one look-up keyed by the SQL text (most texts
 * are rendered once and reused, so the look-up is an identity comparison); the shape of a text is worked
 * out once per engine ({@link SqlShapeCache}), not once per session: most sessions are short (a
 * repository call outside a transaction is one statement), and lexing every statement again cost them
 * more than the rest of the detector. Not thread-safe, like its session.
 */
final class NPlusOneDetector {

    /** Distinct SQL texts one session keeps counts for; beyond them new texts are not counted. */
    static final int MAX_TEXTS = 4096;

    private static final List<String> FOREIGN_PREFIXES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "org.springframework.");
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final NPlusOneDetection settings;
    private final Set<LexicalRule> rules;
    private final NPlusOneReports reports;
    /** The first text the session counted, and its shape: most sessions count one text and need no maps. */
    private String firstText;
    private Shape firstShape;
    /** The other texts and shapes, made when the session counts a second text. */
    private Map<String, Shape> byText;
    private Map<String, Shape> byShape;

    private NPlusOneDetector(NPlusOneDetection settings, Set<LexicalRule> rules, NPlusOneReports reports) {
        this.settings = settings;
        this.rules = rules;
        this.reports = reports;
    }

    /** The detector of a session with {@code settings}, or null when they switch it off. */
    static NPlusOneDetector of(NPlusOneDetection settings, Set<LexicalRule> rules, NPlusOneReports reports) {
        return settings.enabled() ? new NPlusOneDetector(settings, rules, reports) : null;
    }

    /** How often a session ran one shape, and whether it was reported. */
    private static final class Shape {
        final String text;
        int count;
        boolean reported;

        Shape(String text) {
            this.text = text;
        }
    }

    /** Counts a read of {@code sql} about to run; in strict mode refuses it when it is one too many. */
    void counted(String sql) {
        Shape shape = sql.equals(firstText) ? firstShape : byText == null ? null : byText.get(sql);
        if (shape == null) {
            shape = firstRunOf(sql);
            if (shape == null) {
                return;
            }
        }
        if (++shape.count > settings.threshold() && !shape.reported) {
            report(shape);
        }
    }

    /** How many reads of the shape of {@code sql} the session ran (for tests). */
    int count(String sql) {
        Shape shape = shape(reports.shapes().of(sql, rules));
        return shape == null ? 0 : shape.count;
    }

    /** How many distinct SQL texts the session has counted (for tests). */
    int texts() {
        return (firstText == null ? 0 : 1) + (byText == null ? 0 : byText.size());
    }

    private Shape shape(String text) {
        if (firstShape != null && firstShape.text.equals(text)) {
            return firstShape;
        }
        return byShape == null ? null : byShape.get(text);
    }

    private Shape firstRunOf(String sql) {
        if (firstText == null) {
            firstText = sql;
            firstShape = new Shape(reports.shapes().of(sql, rules));
            return firstShape;
        }
        if (texts() >= MAX_TEXTS) {
            return null;
        }
        if (byText == null) {
            byText = new HashMap<>();
            byShape = new HashMap<>();
        }
        String text = reports.shapes().of(sql, rules);
        Shape shape = shape(text);
        if (shape == null) {
            shape = new Shape(text);
            byShape.put(text, shape);
        }
        byText.put(sql, shape);
        return shape;
    }

    private void report(Shape shape) {
        String caller = caller();
        NPlusOneException failure = new NPlusOneException(shape.text, shape.count, settings.threshold(), caller);
        NPlusOneDetection.Finding finding = new NPlusOneDetection.Finding(shape.text, shape.count,
                settings.threshold(), caller, settings.mode(), Instant.now());
        if (settings.mode() == NPlusOneDetection.Mode.STRICT) {
            reports.found(finding, null);
            throw failure;
        }
        shape.reported = true;
        reports.found(finding, failure.getMessage());
    }

    /**
     * The first frame of the calling thread outside Quarry, the JDK and Spring. Quarry is the jar of this
     * class and the jars of {@code io.quarry} classes on the stack that implement one of its types (the
     * Spring starter's sessions and queries), so that Quarry's own tests, which live in {@code io.quarry}
     * packages too, are found as callers.
     */
    static String caller() {
        List<StackWalker.StackFrame> frames = WALKER.walk(stream -> stream.toList());
        Set<String> quarry = new HashSet<>();
        String core = location(NPlusOneDetector.class);
        quarry.add(core);
        for (StackWalker.StackFrame frame : frames) {
            Class<?> type = frame.getDeclaringClass();
            if (type.getName().startsWith("io.quarry.") && implementsQuarryType(type, core)) {
                quarry.add(location(type));
            }
        }
        for (StackWalker.StackFrame frame : frames) {
            Class<?> type = frame.getDeclaringClass();
            boolean ours = type.getName().startsWith("io.quarry.") && quarry.contains(location(type));
            if (!ours && !isForeign(type.getName())) {
                return frame.getClassName() + "." + frame.getMethodName() + "(" + frame.getFileName() + ":"
                        + frame.getLineNumber() + ")";
            }
        }
        return "code outside the application (no caller found on the stack)";
    }

    private static boolean isForeign(String className) {
        for (String prefix : FOREIGN_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean implementsQuarryType(Class<?> type, String core) {
        for (Class<?> implemented : type.getInterfaces()) {
            if (implemented.getName().startsWith("io.quarry.") && core.equals(location(implemented))) {
                return true;
            }
        }
        return false;
    }

    private static String location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "(none)" : source.getLocation().toString();
    }
}
