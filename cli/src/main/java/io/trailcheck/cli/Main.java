package io.trailcheck.cli;

import io.trailcheck.engine.problem.InputException;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.RuleException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entry point: builds the command line, maps typed failures to exit codes, never prints a stack trace. */
public final class Main {
    private Main() {}

    /**
     * MVEL (under Drools) logs through java.util.logging, with a stack trace, when its optimiser cannot
     * start (memory ran out on the rule-pack thread): the scan reports that itself, so the library says
     * nothing on standard error. Held here, as the logging framework keeps loggers only weakly.
     */
    private static final java.util.logging.Logger MVEL = java.util.logging.Logger.getLogger("org.mvel2");

    public static void main(String[] args) {
        MVEL.setLevel(java.util.logging.Level.OFF);
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one invocation with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new RootCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("trailcheck: " + ex.getMessage());
            err.println("Try 'trailcheck " + ex.getCommandLine().getCommandName() + " --help' for more information.");
            return ExitCode.INPUT.code;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, err));
        Map<String, String> codes = new LinkedHashMap<>();
        for (ExitCode c : ExitCode.values()) codes.put(Integer.toString(c.code), c.meaning);
        cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().usageMessage()
                .exitCodeListHeading("%nExit codes:%n").exitCodeList(codes));
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            code = exhausted(e, err);
        } catch (Error e) {
            err.println("trailcheck: internal error: " + e);
            code = ExitCode.INTERNAL.code;
        }
        out.flush();
        err.flush();
        return code;
    }

    /** No trace (writing one needs the memory that is gone): one line, exit 4. */
    private static int exhausted(Error e, PrintWriter err) {
        err.println(e instanceof OutOfMemoryError
                ? "trailcheck: out of memory; give Java more heap (TRAILCHECK_JAVA_OPTS=-Xmx…) or split the snapshot"
                : "trailcheck: out of stack: an input is nested too deeply; lower --max-nesting-depth");
        return ExitCode.INTERNAL.code;
    }

    static int handle(Exception ex, PrintWriter err) {
        if (ex instanceof InputException ie) {
            print(ie.problems(), err);
            return ExitCode.INPUT.code;
        }
        if (ex instanceof RuleException re) {
            print(re.problems(), err);
            return ExitCode.RULES.code;
        }
        if (ex instanceof io.trailcheck.engine.problem.ExhaustedException ee) {
            err.println("trailcheck: " + io.trailcheck.engine.text.SafeText.escape(ee.getMessage())
                    + (ee.getMessage().startsWith("out of memory") ? "; give Java more heap (TRAILCHECK_JAVA_OPTS=-Xmx…)" : ""));
            return ExitCode.INTERNAL.code;
        }
        if (ex instanceof java.io.UncheckedIOException || ex instanceof IOException) {
            err.println("trailcheck: " + ex.getMessage());
            return ExitCode.INPUT.code;
        }
        err.println("trailcheck: internal error: " + ex + " (full trace: " + writeTrace(ex) + ")");
        return ExitCode.INTERNAL.code;
    }

    private static void print(List<Problem> problems, PrintWriter err) {
        for (Problem p : problems) err.println(p.render());
        err.println("trailcheck: " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + " found");
    }

    private static String writeTrace(Exception ex) {
        try {
            Path f = Files.createTempFile("trailcheck-trace-", ".txt");
            StringWriter sw = new StringWriter();
            ex.printStackTrace(new PrintWriter(sw));
            Files.writeString(f, sw.toString());
            return f.toString();
        } catch (IOException io) {
            return "unavailable: " + io.getMessage();
        }
    }
}
